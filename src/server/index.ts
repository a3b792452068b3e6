export { createApp } from './app.js';
export type { ErrorBody } from './error-body.js';
export { defaultAppOptions, type AppDeps } from './deps.js';
export { httpStatus } from './http-status.js';
export type { RouteDef } from './route.js';
export type { PresenceEntry, PresenceList } from './presence.js';
