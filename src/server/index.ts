export { createApp, type ErrorBody } from './app.js';
export { defaultAppOptions, type AppDeps } from './deps.js';
export { httpStatus } from './http-status.js';
export type { RouteDef } from './route.js';
