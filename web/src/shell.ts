/** The page frame: the header's navigation (by role) and the sign-in page. */
import { ApiError } from './api.js';
import { h } from './dom.js';
import type { ViewContext } from './router.js';
import { session, signIn, signOut } from './session.js';
import { discardUnsaved, leaveQuestion } from './unsaved.js';

const top = (): HTMLElement => document.getElementById('top') as HTMLElement;

/** Links of the header: [hash, text, shown for this user?]. Views added by other modules add a row here. */
function links(): [string, string][] {
  const u = session.user;
  if (u === null) return [];
  const list: [string, string, boolean][] = [
    ['#/', 'Dashboard', true],
    ['#/coverage', 'Coverage', true],
    ['#/nations', 'Nations', true],
    [
      `#/nations/${u.nation ?? ''}/edit`,
      `My pledges (${u.nation ?? ''})`,
      u.role === 'liaison' && u.nation !== null,
    ],
    ['#/import', 'Import', u.role !== 'viewer'],
    ['#/canvass', 'Canvass', true],
    ['#/compare', 'Compare', true],
    ['#/variants', 'Variants', u.role === 'coordinator'],
    ['#/frontier', 'Frontier', true],
    ['#/runs', 'Runs', true],
    ['#/audit', 'Audit', true],
    ['#/history', 'History', true],
    ['#/users', 'Users', u.role === 'coordinator'],
    ['#/account', 'Account', true],
  ];
  return list.filter((l) => l[2]).map(([a, b]) => [a, b]);
}

/** Which link is the current page (a nation's page counts as Nations; a run's page as Runs). */
const isCurrent = (href: string, hash: string): boolean =>
  hash === href ||
  (href === '#/nations' && /^#\/nations\/[A-Z]{3}$/.test(hash)) ||
  (href === '#/runs' && hash.startsWith('#/runs/'));

export function drawNav(): void {
  const u = session.user;
  if (u === null) return void top().replaceChildren(h('span', { class: 'brand' }, 'Bulwark'));
  const hash = location.hash === '' ? '#/' : location.hash;
  top().replaceChildren(
    h('span', { class: 'brand' }, 'Bulwark'),
    h(
      'nav',
      { 'aria-label': 'main' },
      links().map(([href, text]) =>
        h('a', { href, ...(isCurrent(href, hash) ? { 'aria-current': 'page' } : {}) }, text),
      ),
    ),
    h(
      'span',
      { class: 'who' },
      `${u.username} · ${u.role}${u.nation === null ? '' : ` ${u.nation}`} `,
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            const question = leaveQuestion();
            if (question !== null && !window.confirm(question)) return;
            void signOut().then(() => {
              // Signed out: what was not saved is given up, as the user agreed.
              discardUnsaved();
              location.hash = '#/';
              window.dispatchEvent(new HashChangeEvent('hashchange'));
            });
          },
        },
        'Sign out',
      ),
    ),
  );
}

/** The sign-in page; after signing in the current route is drawn. */
export function loginView(ctx: ViewContext, message?: string): void {
  const status = h('p', { class: 'error', role: 'alert' }, message ?? '');
  const username = h('input', {
    id: 'login-user',
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    { class: 'login', 'aria-label': 'sign in' },
    h('label', { for: 'login-user' }, 'User name', username),
    h('label', { for: 'login-password' }, 'Password', password),
    h('button', { type: 'submit' }, 'Sign in'),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    signIn(username.value, password.value)
      .then(() => {
        // The form goes at once (not when the first page has loaded), so nothing types into it.
        form.replaceWith(h('p', { class: 'meta', role: 'status' }, 'Signed in; loading…'));
        ctx.refresh();
      })
      .catch((err: unknown) => {
        status.textContent = err instanceof ApiError ? err.message : String(err);
      });
  });
  drawNav();
  ctx.page('Sign in', form);
}
