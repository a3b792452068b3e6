export * from './map-model.js';
export * from './briefing.js';
export * from './frontier-section.js';
export * from './locale.js';
export * from './catalogue.js';
