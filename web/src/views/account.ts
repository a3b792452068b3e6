/**
 * #/account — your password and API tokens (issue 15 item 9). A user whose password a coordinator set is
 * sent here after signing in and sees only the password form until they change it.
 */
import { api } from '../api.js';
import { table } from '../components/table.js';
import { h, when } from '../dom.js';
import type { ViewContext } from '../router.js';
import { forget, session } from '../session.js';
import { loginView } from '../shell.js';

interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

const field = (id: string, label: string, autocomplete: string): HTMLElement =>
  h(
    'label',
    { for: id },
    label,
    h('input', { id, name: id, type: 'password', required: true, autocomplete, maxlength: 512 }),
  );

/** A token just created: shown once, on the page drawn after creating it. */
let justCreated: string | null = null;

export async function accountView(ctx: ViewContext): Promise<void> {
  const forced = session.user?.mustChangePassword === true;
  const status = h('p', { role: 'status' });
  const fail = (e: unknown): void => void (status.textContent = e instanceof Error ? e.message : String(e));
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'change your password' },
    field('current-password', 'Current password', 'current-password'),
    field('new-password', 'New password (12+ characters, not a common one)', 'new-password'),
    field('repeat-password', 'New password again', 'new-password'),
    h('button', { type: 'submit' }, 'Change password'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    if (data.get('new-password') !== data.get('repeat-password'))
      return void (status.textContent = 'The two new passwords differ.');
    api('PUT', '/api/session/password', {
      current: data.get('current-password'),
      next: data.get('new-password'),
    }).then(() => {
      // Every session and API token of yours has ended: sign in with the new password.
      forget();
      loginView(ctx, 'Password changed: every session and API token of yours has ended. Sign in again.');
    }, fail);
  });
  if (forced)
    return ctx.page(
      'Choose your password',
      h('p', { role: 'alert' }, 'A coordinator set your password: choose your own before you go on.'),
      form,
      status,
    );
  const tokens = await api<TokenInfo[]>('GET', '/api/tokens', undefined, ctx.signal);
  const shown = h(
    'p',
    { role: 'status', class: 'token' },
    justCreated === null ? '' : `Your new token (shown only now): ${justCreated}`,
  );
  justCreated = null;
  const tokenForm = h(
    'form',
    { class: 'run', 'aria-label': 'create an API token' },
    h(
      'label',
      { for: 'token-name' },
      'Token name',
      h('input', { id: 'token-name', name: 'name', required: true, maxlength: 100 }),
    ),
    h('button', { type: 'submit' }, 'Create token'),
  );
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = new FormData(tokenForm).get('name');
    api<{ token: string }>('POST', '/api/tokens', { name }).then((t) => {
      justCreated = t.token;
      void ctx.refresh();
    }, fail);
  });
  ctx.page(
    'Account',
    h('h2', {}, 'Password'),
    form,
    status,
    h('h2', {}, 'API tokens'),
    h('p', {}, 'Send a token as "Authorization: Bearer …". Changing your password revokes them all.'),
    tokenForm,
    shown,
    table({
      label: 'your API tokens',
      columns: ['name', 'id', 'created', ''],
      rows: tokens.map((t) => [
        t.name,
        t.id,
        when(t.createdAt),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              if (confirm(`Revoke the token "${t.name}"? Scripts using it stop working.`))
                void api('DELETE', `/api/tokens/${t.id}`).then(() => ctx.refresh(), fail);
            },
          },
          `Revoke ${t.name}`,
        ),
      ]),
    }),
  );
}
