/** Signing in and out, the session's CSRF token, one's own password and the creation of API tokens. */
import { z } from 'zod';
import { PasswordChange, publicUser } from '../../app/index.js';
import type { AppDeps } from '../deps.js';
import { defineRoute, everyone, issueList, type RouteDef } from '../route.js';

export const sessionCookie = 'bulwark_session';

const Login = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(512) });
const TokenName = z.strictObject({ name: z.string().min(1).max(100) });

export function sessionRoutes(deps: AppDeps): RouteDef[] {
  const { auth } = deps;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/session',
      summary: 'Sign in with user name and password; sets the session cookie and returns the CSRF token',
      tag: 'session',
      access: 'public',
      body: { schema: Login, refuse: () => 'send {"username", "password"}' },
      handler: async (ctx) => {
        const s = await auth.login(ctx.body.username, ctx.body.password);
        void ctx.reply.setCookie(sessionCookie, s.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.cookieSecure,
          maxAge: deps.sessionTtlMs / 1000,
        });
        return { user: publicUser(s.actor), csrfToken: s.csrf };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/session',
      summary: 'The signed-in user and the CSRF token for cookie-authenticated writes',
      tag: 'session',
      access: everyone,
      beforePasswordChange: true,
      handler: (ctx) => Promise.resolve({ user: publicUser(ctx.actor), csrfToken: ctx.request.csrf }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/session',
      summary: 'Sign out',
      tag: 'session',
      access: everyone,
      beforePasswordChange: true,
      status: 204,
      handler: async (ctx) => {
        const token = ctx.request.cookies[sessionCookie];
        if (token !== undefined) await auth.logout(token);
        void ctx.reply.clearCookie(sessionCookie, { path: '/' });
        return null;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/tokens',
      summary:
        'Create an API token for yourself (Authorization: Bearer …); shown once, with its id for listing and revoking',
      tag: 'session',
      access: everyone,
      body: { schema: TokenName, refuse: () => 'send {"name"}' },
      status: 201,
      handler: async (ctx) => {
        const t = await auth.createApiToken(ctx.actor, ctx.body.name);
        return { token: t.token, ...t.info };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/session/password',
      summary:
        'Change your own password ({current, next}); every session of yours ends and every API token of yours is revoked (sign in again). Rate-limited',
      tag: 'session',
      access: everyone,
      beforePasswordChange: true,
      body: { schema: PasswordChange, refuse: (issues) => `send {"current", "next"}: ${issueList(issues)}` },
      status: 204,
      handler: async (ctx) => {
        await auth.changePassword(ctx.actor, ctx.body.current, ctx.body.next);
        return null;
      },
    }),
  ];
}
