/**
 * Every route of the API, by resource. Handlers take their input parsed (route.ts), call one use case and
 * return its value; they compute nothing themselves.
 */
import type { AppDeps } from '../deps.js';
import { presenceRoutes } from '../presence.js';
import type { RouteDef } from '../route.js';
import { accountRoutes } from './account.js';
import { auditRoutes } from './audit.js';
import { collectionRoutes } from './collections.js';
import { historyRoutes } from './history.js';
import { liveRoutes } from './live.js';
import { runRoutes } from './runs.js';
import { scenarioRoutes } from './scenarios.js';
import { sessionRoutes } from './session.js';
import { sourceRoutes } from './sources.js';
import { spreadsheetRoutes } from './spreadsheets.js';
import { userRoutes } from './users.js';

export { sessionCookie } from './session.js';

export function buildRoutes(deps: AppDeps): RouteDef[] {
  return [
    ...sessionRoutes(deps),
    ...userRoutes(deps),
    ...accountRoutes(deps),
    ...scenarioRoutes(deps),
    ...auditRoutes(deps),
    ...collectionRoutes(deps),
    ...sourceRoutes(deps),
    ...runRoutes(deps),
    ...historyRoutes(deps),
    ...spreadsheetRoutes(deps),
    ...liveRoutes(deps),
    ...presenceRoutes(deps),
  ];
}
