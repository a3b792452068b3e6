export * from './map-model.js';
export * from './briefing.js';
