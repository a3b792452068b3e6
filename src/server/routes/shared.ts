/** Input pieces several resources' routes share: version numbers in queries and bodies. */
import { z } from 'zod';
import { queryParam } from '../route.js';

/** A stored version number, as a query string or a JSON number. */
export const VersionNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const versionParam = queryParam('a stored version number', VersionNumber);
