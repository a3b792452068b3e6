export * from './frontier.js';
export * from './report.js';
export * from './findings.js';
