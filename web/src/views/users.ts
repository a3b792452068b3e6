/**
 * #/users — a coordinator adds users and manages each one: changes the role (and a liaison's nation),
 * resets the password (the user must change it at the next sign-in) and disables or enables the account,
 * each after a confirmation. Every change is audited by the server (`user.update`).
 */
import { api, type Summary, type User } from '../api.js';
import { askConfirm, confirmPanel } from '../components/confirm.js';
import { table } from '../components/table.js';
import { field, h, when } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl, session } from '../session.js';

type ListedUser = User & { createdAt: string; disabled: boolean };

/** What the last change did, said on the page drawn after it (the page is drawn again with the new list). */
let flash = '';

export async function usersView(ctx: ViewContext): Promise<void> {
  if (!isCoordinator())
    return ctx.page(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'Only a coordinator manages users.'),
    );
  const [users, s] = await Promise.all([
    api<ListedUser[]>('GET', '/api/users', undefined, ctx.signal),
    api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal),
  ]);
  const status = h('p', { role: 'status' }, flash);
  flash = '';
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
      'Initial password (12+ characters, not a common one; the user changes it at first sign-in)',
      h('input', {
        id: 'new-password',
        name: 'password',
        type: 'password',
        minlength: 12,
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
  const coalition = s.summary.nations.filter((n) => n.role === 'coalition');
  const panel = h('section', { class: 'manage', 'aria-label': 'manage a user', hidden: true });
  const manage = (u: ListedUser): void => {
    const key = u.username.replace(/[^A-Za-z0-9_-]/g, '_');
    const out = h('p', { role: 'status', class: 'status' });
    const done = (text: string) => (): void => {
      flash = text;
      ctx.refresh();
    };
    const failHere = (e: unknown): void =>
      void (out.textContent = e instanceof Error ? e.message : String(e));
    const put = (body: Record<string, unknown>, text: string): Promise<void> =>
      api('PUT', `/api/users/${encodeURIComponent(u.username)}`, body).then(done(text), failHere);
    const roleSel = h(
      'select',
      { id: `role-${key}` },
      ['coordinator', 'liaison', 'viewer'].map((r) =>
        h('option', { value: r, ...(r === u.role ? { selected: true } : {}) }, r),
      ),
    );
    const nationSel = h(
      'select',
      { id: `nation-${key}` },
      coalition.map((n) =>
        h('option', { value: n.id, ...(n.id === u.nation ? { selected: true } : {}) }, `${n.name} (${n.id})`),
      ),
    );
    const syncNation = (): void => void nationSel.toggleAttribute('disabled', roleSel.value !== 'liaison');
    roleSel.addEventListener('change', syncNation);
    syncNation();
    const password = h('input', {
      id: `reset-${key}`,
      type: 'password',
      minlength: 12,
      autocomplete: 'new-password',
    });
    const ask = confirmPanel();
    const self = u.username === session.user?.username;
    panel.hidden = false;
    panel.replaceChildren(
      h('h2', { id: `manage-${key}`, tabindex: -1 }, `Manage ${u.username}`),
      h(
        'form',
        { class: 'run', 'aria-label': `role of ${u.username}` },
        field(`role-${key}`, 'Role', roleSel),
        field(`nation-${key}`, 'Nation (liaison)', nationSel),
        h(
          'button',
          {
            type: 'button',
            disabled: self,
            onclick: () => {
              const body = {
                role: roleSel.value,
                ...(roleSel.value === 'liaison' ? { nation: nationSel.value } : {}),
              };
              askConfirm(ask, {
                message: `Make ${u.username} a ${roleSel.value}${roleSel.value === 'liaison' ? ` of ${nationSel.value}` : ''}? What they may change follows at once.`,
                yes: `Yes, change ${u.username}'s role`,
                onYes: () => put(body, `${u.username} is now ${roleSel.value}.`),
              });
            },
          },
          'Change role',
        ),
      ),
      h(
        'form',
        { class: 'run', 'aria-label': `reset ${u.username}'s password` },
        field(
          `reset-${key}`,
          'New password (12+ characters; they must change it at the next sign-in)',
          password,
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              if (password.value.length < 12)
                return void (out.textContent = 'A password has at least 12 characters.');
              const next = password.value;
              askConfirm(ask, {
                message: `Reset ${u.username}'s password? They are signed out, their API tokens are revoked, and they must choose a new password at the next sign-in.`,
                yes: `Yes, reset ${u.username}'s password`,
                onYes: () =>
                  put(
                    { password: next },
                    `${u.username}'s password was reset; they change it at the next sign-in.`,
                  ),
              });
            },
          },
          'Reset password',
        ),
      ),
      self
        ? h('p', {}, 'You cannot disable or demote yourself.')
        : h(
            'p',
            {},
            h(
              'button',
              {
                type: 'button',
                class: u.disabled ? '' : 'danger',
                onclick: () =>
                  askConfirm(ask, {
                    message: u.disabled
                      ? `Enable ${u.username}? They can sign in again.`
                      : `Disable ${u.username}? They are signed out at once and cannot sign in until enabled.`,
                    yes: u.disabled ? `Yes, enable ${u.username}` : `Yes, disable ${u.username}`,
                    onYes: () =>
                      put(
                        { disabled: !u.disabled },
                        `${u.username} is ${u.disabled ? 'enabled' : 'disabled'}.`,
                      ),
                  }),
              },
              u.disabled ? `Enable ${u.username}` : `Disable ${u.username}`,
            ),
          ),
      ask,
      out,
    );
    panel.querySelector<HTMLElement>('h2')?.focus();
  };
  ctx.page(
    'Users',
    form,
    status,
    table({
      label: 'users',
      columns: ['user', 'role', 'access', 'manage', 'nation', 'created'],
      rows: users.map((u) => [
        u.username,
        u.role,
        u.disabled ? 'disabled' : u.mustChangePassword === true ? 'must change password' : 'active',
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => manage(u) },
          u.username === session.user?.username ? 'Manage you' : `Manage ${u.username}`,
        ),
        u.nation ?? '',
        when(u.createdAt),
      ]),
    }),
    panel,
  );
}
