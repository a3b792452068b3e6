/**
 * Bulwark workspace front end (docs/web.md): the route table, and the frame around every view — the
 * session check before each page, the header, and errors. Each view is a module under views/.
 */
import './style.css';
import { ApiError } from './api.js';
import { errorBox, h } from './dom.js';
import { createRouter, type Route } from './router.js';
import { restoreSession, forget, session } from './session.js';
import { drawNav, loginView } from './shell.js';
import { auditView } from './views/audit.js';
import { canvassView } from './views/canvass.js';
import { compareView } from './views/compare.js';
import { coverageView } from './views/coverage.js';
import { dashboardView } from './views/dashboard.js';
import { frontierView } from './views/frontier.js';
import { historyView } from './views/history.js';
import { importView } from './views/import.js';
import { nationView, nationsView } from './views/nations.js';
import { requirementsView } from './views/requirements.js';
import { runView, runsView } from './views/runs.js';
import { usersView } from './views/users.js';
import { accountView } from './views/account.js';
import { variantsView } from './views/variants.js';

/** Every page: a pattern on the location hash and its view (capture groups are the view's params). */
export const routes: Route[] = [
  { pattern: /^#\/$/, view: dashboardView },
  { pattern: /^#\/coverage$/, view: coverageView },
  { pattern: /^#\/nations$/, view: nationsView },
  { pattern: /^#\/nations\/([A-Z]{3})(\/edit)?$/, view: nationView },
  { pattern: /^#\/missions\/([^/]+)\/requirements$/, view: requirementsView },
  { pattern: /^#\/canvass$/, view: canvassView },
  { pattern: /^#\/compare$/, view: compareView },
  { pattern: /^#\/variants$/, view: variantsView },
  { pattern: /^#\/frontier$/, view: frontierView },
  { pattern: /^#\/runs$/, view: runsView },
  { pattern: /^#\/runs\/([^/]+)$/, view: runView },
  { pattern: /^#\/audit$/, view: auditView },
  { pattern: /^#\/history$/, view: historyView },
  { pattern: /^#\/import$/, view: importView },
  { pattern: /^#\/users$/, view: usersView },
  { pattern: /^#\/account$/, view: accountView },
];

const router = createRouter(routes, {
  main: document.getElementById('main') as HTMLElement,
  before: async (ctx) => {
    if (await restoreSession()) {
      drawNav();
      if (session.user?.mustChangePassword === true && location.hash !== '#/account') {
        location.hash = '#/account';
        return false;
      }
      return true;
    }
    loginView(ctx);
    return false;
  },
  onError: (ctx, e) => {
    if (e instanceof ApiError && e.status === 401) {
      forget();
      return loginView(ctx, 'Your session has ended; sign in again.');
    }
    ctx.page('Error', errorBox(e));
  },
  notFound: (ctx) => ctx.page('Not found', h('p', {}, h('a', { href: '#/' }, 'Back to the dashboard'))),
});
router.start();
