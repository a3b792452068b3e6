export * from './frontier.js';
