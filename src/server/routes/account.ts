/**
 * Account self-service routes: one's own API tokens (list, revoke) and, for a coordinator, any user's.
 * Creating a token and changing one's password are in session.ts; managing users in users.ts.
 */
import { z } from 'zod';
import { BulwarkError } from '../../core/shared/index.js';
import type { AppDeps } from '../deps.js';
import { coordinators, defineRoute, everyone, type RouteDef } from '../route.js';

/** A token reference: the first 16 hex digits of the token's hash (as listed). */
const TokenRef = z.string().regex(/^[0-9a-f]{16}$/, '16 hexadecimal digits, as GET /api/tokens lists it');

function tokenRef(raw: string | undefined): string {
  const r = TokenRef.safeParse(raw);
  if (!r.success) throw new BulwarkError('usage', `token id: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

export function accountRoutes(deps: AppDeps): RouteDef[] {
  const { auth } = deps;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/tokens',
      summary: 'Your API tokens (id, name, created): never the tokens themselves',
      tag: 'session',
      access: everyone,
      handler: (ctx) => auth.listApiTokens(ctx.actor),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/tokens/:tokenId',
      summary: 'Revoke one of your API tokens (audited)',
      tag: 'session',
      access: everyone,
      status: 204,
      handler: async (ctx) => {
        await auth.revokeApiToken(ctx.actor, tokenRef(ctx.params['tokenId']));
        return null;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/users/:username/tokens',
      summary: "A user's API tokens (id, name, created)",
      tag: 'users',
      access: coordinators,
      handler: (ctx) => auth.listApiTokens(ctx.actor, ctx.params['username'] ?? ''),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/users/:username/tokens/:tokenId',
      summary: "Revoke one of a user's API tokens (audited)",
      tag: 'users',
      access: coordinators,
      status: 204,
      handler: async (ctx) => {
        await auth.revokeApiToken(ctx.actor, tokenRef(ctx.params['tokenId']), ctx.params['username'] ?? '');
        return null;
      },
    }),
  ];
}
