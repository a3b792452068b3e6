export * from './closed-form.js';
export * from './simulate.js';
export * from './engagement-file.js';
