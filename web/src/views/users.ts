/** #/users — a coordinator adds users and disables or enables them. */
import { api, type Summary, type User } from '../api.js';
import { table } from '../components/table.js';
import { h, when } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl, session } from '../session.js';

export async function usersView(ctx: ViewContext): Promise<void> {
  if (!isCoordinator())
    return ctx.page(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'Only a coordinator manages users.'),
    );
  const [users, s] = await Promise.all([
    api<(User & { createdAt: string; disabled: boolean })[]>('GET', '/api/users', undefined, ctx.signal),
    api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal),
  ]);
  const status = h('p', { role: 'status' });
  const role = h(
    'select',
    { id: 'new-role', name: 'role' },
    ['liaison', 'viewer', 'coordinator'].map((r) => h('option', { value: r }, r)),
  );
  const nation = h(
    'select',
    { id: 'new-nation', name: 'nation' },
    s.summary.nations
      .filter((n) => n.role === 'coalition')
      .map((n) => h('option', { value: n.id }, `${n.name} (${n.id})`)),
  );
  role.addEventListener('change', () => nation.toggleAttribute('disabled', role.value !== 'liaison'));
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'add a user' },
    h(
      'label',
      { for: 'new-username' },
      'User name',
      h('input', {
        id: 'new-username',
        name: 'username',
        required: true,
        pattern: '[A-Za-z0-9_.\\-]{1,64}',
        autocomplete: 'off',
      }),
    ),
    h(
      'label',
      { for: 'new-password' },
      'Initial password (10+ characters)',
      h('input', {
        id: 'new-password',
        name: 'password',
        type: 'password',
        minlength: 10,
        required: true,
        autocomplete: 'new-password',
      }),
    ),
    h('label', { for: 'new-role' }, 'Role', role),
    h('label', { for: 'new-nation' }, 'Nation (liaison)', nation),
    h('button', { type: 'submit' }, 'Add user'),
  );
  const fail = (e: unknown): void => void (status.textContent = e instanceof Error ? e.message : String(e));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = {
      username: data.get('username'),
      password: data.get('password'),
      role: role.value,
      ...(role.value === 'liaison' ? { nation: nation.value } : {}),
    };
    api('POST', '/api/users', body).then(() => ctx.refresh(), fail);
  });
  ctx.page(
    'Users',
    form,
    status,
    table({
      label: 'users',
      columns: ['user', 'role', 'nation', 'created', 'access'],
      rows: users.map((u) => [
        u.username,
        u.role,
        u.nation ?? '',
        when(u.createdAt),
        u.username === session.user?.username
          ? 'you'
          : h(
              'button',
              {
                type: 'button',
                onclick: () =>
                  void api('PUT', `/api/users/${encodeURIComponent(u.username)}`, {
                    disabled: !u.disabled,
                  }).then(() => ctx.refresh(), fail),
              },
              u.disabled ? `Enable ${u.username}` : `Disable ${u.username}`,
            ),
      ]),
    }),
  );
}
