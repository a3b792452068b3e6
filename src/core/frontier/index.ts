export * from './frontier.js';
export * from './report.js';
export * from './cases.js';
