/** Users, managed by a coordinator (their tokens: account.ts). */
import { NewUser, UserUpdate, publicUser } from '../../app/index.js';
import type { AppDeps } from '../deps.js';
import { coordinators, defineRoute, issueList, type RouteDef } from '../route.js';

export function userRoutes(deps: AppDeps): RouteDef[] {
  const { auth } = deps;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/users',
      summary: 'List users',
      tag: 'users',
      access: coordinators,
      handler: async () =>
        (await auth.listUsers()).map((u) => ({
          ...publicUser(u),
          disabled: u.disabled,
          createdAt: u.createdAt,
        })),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users',
      summary:
        'Create a user (coordinator, liaison with a nation, or viewer); the user must change the password at the first sign-in',
      tag: 'users',
      access: coordinators,
      body: { schema: NewUser, refuse: (issues) => `user: ${issueList(issues)}` },
      status: 201,
      handler: async (ctx) =>
        publicUser(await auth.createUser(ctx.actor.username, ctx.body, { mustChangePassword: true })),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/users/:username',
      summary:
        "Change a user: role, nation, disabled, or reset the password (signs the user out, revokes the user's API tokens, and the user must change it at the next sign-in)",
      tag: 'users',
      access: coordinators,
      body: { schema: UserUpdate, refuse: (issues) => `user: ${issueList(issues)}` },
      handler: async (ctx) => {
        const saved = await auth.updateUser(ctx.actor, ctx.params['username'] ?? '', ctx.body);
        return { ...publicUser(saved), disabled: saved.disabled };
      },
    }),
  ];
}
