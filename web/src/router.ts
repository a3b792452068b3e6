/**
 * Hash routes: a table of patterns, one view module each. Every navigation aborts the previous view's
 * `AbortSignal` (its streams and timers stop, see lifecycle.ts) and gives the next view a fresh one.
 * After a view has drawn its page, the page heading takes the focus (not the whole `<main>`), so screen
 * readers announce the page and the focus ring frames only the heading. A navigation away from a page
 * with unsaved changes asks first (unsaved.ts); declined, the address goes back to the page.
 */
import { h, type Child } from './dom.js';
import { leaveQuestion, warnBeforeUnload } from './unsaved.js';

export interface ViewContext {
  /** Aborted when the user leaves the page: stop streams and timers, drop late answers. */
  readonly signal: AbortSignal;
  /** The pattern's capture groups, URI-decoded. */
  readonly params: readonly string[];
  /** Replaces the page: a heading (focused once drawn) and the content. Ignored after `signal` aborts. */
  readonly page: (title: string, ...content: Child[]) => void;
  /** Draws the current route again (after a change that alters the page). */
  readonly refresh: () => void;
}

export interface Route {
  readonly pattern: RegExp;
  readonly view: (ctx: ViewContext) => Promise<void> | void;
}

export interface RouterOptions {
  readonly main: HTMLElement;
  /** Called before every view; false stops the navigation (e.g. nobody is signed in). */
  readonly before: (ctx: ViewContext) => Promise<boolean>;
  /** An error a view threw (401 included). */
  readonly onError: (ctx: ViewContext, e: unknown) => void;
  readonly notFound: (ctx: ViewContext) => void;
}

export interface Router {
  /** Draws the route of the current location hash. */
  render(): Promise<void>;
  start(): void;
}

export function createRouter(routes: readonly Route[], o: RouterOptions): Router {
  let controller: AbortController | null = null;
  const render = async (): Promise<void> => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const hash = location.hash === '' ? '#/' : location.hash;
    let drawn = false;
    // The page being left stays visible until the next is drawn, but cannot be used meanwhile.
    o.main.inert = true;
    o.main.setAttribute('aria-busy', 'true');
    const ctx: ViewContext = {
      signal: own.signal,
      params: [],
      page: (title, ...content) => {
        if (own.signal.aborted) return;
        document.title = `${title} · Bulwark`;
        const heading = h('h1', { tabindex: -1 }, title);
        const nodes = content.filter((c) => c !== null && c !== undefined && c !== false);
        o.main.replaceChildren(heading, ...nodes.map((c) => (typeof c === 'object' ? c : String(c))));
        o.main.inert = false;
        o.main.removeAttribute('aria-busy');
        drawn = true;
      },
      refresh: () => void render(),
    };
    try {
      if (!(await o.before(ctx))) return;
      if (own.signal.aborted) return;
      const match = routes.map((r) => ({ r, m: r.pattern.exec(hash) })).find((x) => x.m !== null);
      if (match === undefined) o.notFound(ctx);
      else
        await match.r.view({
          ...ctx,
          params: (match.m ?? []).slice(1).map((p) => decodeURIComponent(p ?? '')),
        });
    } catch (e) {
      if (own.signal.aborted) return;
      if (e instanceof DOMException && e.name === 'AbortError') return;
      o.onError(ctx, e);
    }
    if (own.signal.aborted) return;
    o.main.inert = false;
    o.main.removeAttribute('aria-busy');
    if (!drawn) return;
    o.main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  };
  return {
    render,
    start: () => {
      // Each history entry of the app carries its position, so that a declined navigation — a link (a new
      // entry) or Back/Forward (a move across entries) — can step back to the page it left, leaving the
      // history as it was.
      const at = (): number | undefined => {
        const i: unknown = (history.state as { bulwarkIndex?: unknown } | null)?.bulwarkIndex;
        return typeof i === 'number' ? i : undefined;
      };
      let index = at() ?? 0;
      history.replaceState({ ...(history.state as object | null), bulwarkIndex: index }, '');
      let restoring = false;
      window.addEventListener('hashchange', () => {
        if (restoring) {
          restoring = false;
          return;
        }
        const target = at();
        const question = leaveQuestion();
        if (question !== null && !window.confirm(question)) {
          restoring = true;
          if (target === undefined) history.back();
          else history.go(index - target);
          return;
        }
        index = target ?? index + 1;
        if (target === undefined)
          history.replaceState({ ...(history.state as object | null), bulwarkIndex: index }, '');
        void render();
      });
      warnBeforeUnload();
      void render();
    },
  };
}
