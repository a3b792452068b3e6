/**
 * #/canvass — the coordinator's canvass: each open gap of the pledged plan with the nations that could
 * fill it (the potential-mode plan's sources, with units) and those kept out by a caveat or a national
 * limit (the scenario's reason), and the record of who was asked and what they offered. Live: a change
 * by anyone (a pledge, an ask) redraws the gaps from the server.
 */
import { api, type Canvass, type CanvassAsk, type CanvassGap } from '../api.js';
import { table } from '../components/table.js';
import { field, fmt, h, when } from '../dom.js';
import { debounce, eventStream } from '../lifecycle.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl } from '../session.js';

const statuses = ['asked', 'offered', 'declined'] as const;

export async function canvassView(ctx: ViewContext): Promise<void> {
  const load = () => api<Canvass>('GET', `${scenarioUrl()}/canvass`, undefined, ctx.signal);
  const [first, nations] = await Promise.all([
    load(),
    api<{ items: { value: { id: string; name: string; role: string } }[] }>(
      'GET',
      `${scenarioUrl()}/nations`,
      undefined,
      ctx.signal,
    ),
  ]);
  const nameOf = new Map(nations.items.map((n) => [n.value.id, n.value.name]));
  const nation = (id: string): string => `${nameOf.get(id) ?? id} (${id})`;
  const coalition = nations.items.filter((n) => n.value.role === 'coalition').map((n) => n.value.id);
  const status = h('p', { role: 'status', class: 'status' });
  const list = h('div', { class: 'canvass' });
  const slug = (g: CanvassGap): string => `${g.mission}-${g.capability}`.replace(/[^A-Za-z0-9_-]/g, '_');

  const askForm = (g: CanvassGap): HTMLElement => {
    const key = slug(g);
    const candidates = new Set(g.candidates.map((c) => c.nation));
    const who = h(
      'select',
      { id: `ask-nation-${key}` },
      [...g.candidates.map((c) => c.nation), ...coalition.filter((n) => !candidates.has(n))].map((n) =>
        h('option', { value: n }, `${nation(n)}${candidates.has(n) ? '' : ' — not a candidate'}`),
      ),
    );
    const note = h('input', { id: `ask-note-${key}`, autocomplete: 'off', maxlength: 2000 });
    const form = h(
      'form',
      { class: 'run', 'aria-label': `ask a nation about ${g.mission} ${g.capability}` },
      field(`ask-nation-${key}`, 'Nation asked', who),
      field(`ask-note-${key}`, 'Note (what was asked)', note),
      h('button', { type: 'submit' }, 'Record the ask'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      api<CanvassAsk>('POST', `${scenarioUrl()}/canvass`, {
        mission: g.mission,
        capability: g.capability,
        nation: who.value,
        ...(note.value.trim() === '' ? {} : { note: note.value.trim() }),
      }).then(
        (a) => {
          status.textContent = `Recorded: ${nation(a.nation)} asked about ${g.mission} ${g.capability}.`;
          void redraw();
        },
        (err: unknown) => void (status.textContent = err instanceof Error ? err.message : String(err)),
      );
    });
    return form;
  };

  const answerForm = (a: CanvassAsk): HTMLElement => {
    const sel = h(
      'select',
      { id: `answer-status-${a.id}`, 'aria-label': `answer of ${a.nation}` },
      statuses.map((s) => h('option', { value: s, ...(s === a.status ? { selected: true } : {}) }, s)),
    );
    const offer = h('input', {
      id: `answer-offer-${a.id}`,
      'aria-label': `offer of ${a.nation}`,
      value: a.offer ?? '',
      maxlength: 2000,
      autocomplete: 'off',
    });
    const form = h(
      'form',
      { class: 'inline', 'aria-label': `answer of ${a.nation}` },
      sel,
      ' ',
      offer,
      ' ',
      h('button', { type: 'submit', class: 'secondary' }, `Save ${a.nation}'s answer`),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      api<CanvassAsk>('PUT', `${scenarioUrl()}/canvass/${encodeURIComponent(a.id)}`, {
        status: sel.value,
        offer: offer.value.trim() === '' ? null : offer.value.trim(),
      }).then(
        (x) => {
          status.textContent = `Recorded: ${nation(x.nation)} ${x.status}${x.offer === null ? '' : ` (${x.offer})`}.`;
          void redraw();
        },
        (err: unknown) => void (status.textContent = err instanceof Error ? err.message : String(err)),
      );
    });
    return form;
  };

  const asksTable = (asks: readonly CanvassAsk[], label: string, editable: boolean): HTMLElement =>
    table({
      label,
      columns: ['nation', 'status', 'offer', 'note', 'asked'],
      rows: asks.map((a) => [
        nation(a.nation),
        editable ? h('td', { colspan: 2 }, answerForm(a)) : a.status,
        ...(editable ? [] : [a.offer ?? '']),
        a.note ?? '',
        `${a.askedBy}, ${when(a.askedAt)}`,
      ]),
    });

  const gapView = (g: CanvassGap): HTMLElement => {
    const id = `gap-${slug(g)}`;
    return h(
      'section',
      { class: 'canvass-gap', 'aria-labelledby': id },
      h('h2', { id }, `${g.mission} › ${g.capability} (priority ${g.priority})`),
      h(
        'p',
        {},
        `Short by up to ${fmt(g.shortfall)} in ${g.periods.map((p) => `P${p}`).join(', ')}. ${g.explanation}`,
      ),
      g.candidates.length === 0
        ? h('p', {}, 'No nation could fill it within its inventory and limits (potential mode).')
        : table({
            label: `who could fill ${g.mission} ${g.capability}`,
            columns: ['could fill it (potential mode)', 'unit types', 'already pledges to the mission'],
            rows: g.candidates.map((c) => [
              nation(c.nation),
              c.unitTypes.map((u) => `${fmt(u.units)} × ${u.unitType}`).join(', '),
              c.pledges ? 'yes' : 'no',
            ]),
          }),
      g.excluded.length === 0
        ? null
        : h(
            'details',
            {},
            h('summary', {}, `Kept out by caveats or limits (${g.excluded.length})`),
            h(
              'ul',
              {},
              g.excluded.map((x) => h('li', {}, `${nation(x.nation)}: ${x.reason}`)),
            ),
          ),
      g.asks.length === 0
        ? h('p', { class: 'meta' }, 'Nobody asked yet.')
        : asksTable(g.asks, `asks about ${g.mission} ${g.capability}`, isCoordinator()),
      isCoordinator() ? askForm(g) : null,
    );
  };

  const draw = (c: Canvass): void => {
    const closed =
      c.closed.length === 0
        ? []
        : [
            h(
              'section',
              { 'aria-labelledby': 'closed-asks' },
              h('h2', { id: 'closed-asks' }, 'Asks about gaps now closed'),
              asksTable(c.closed, 'asks about closed gaps', false),
            ),
          ];
    list.replaceChildren(
      h(
        'p',
        { class: 'meta' },
        `${c.gaps.length} open gap${c.gaps.length === 1 ? '' : 's'} at version ${c.scenarioVersion}.`,
      ),
      ...c.gaps.map(gapView),
      ...closed,
    );
  };
  const redraw = async (): Promise<void> => {
    try {
      draw(await load());
    } catch (e) {
      if (!ctx.signal.aborted) status.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  // Live: a committed change or an ask by anyone redraws the gaps (not while the user is typing in one).
  const soon = debounce(ctx.signal, 300, () => {
    const typing = list.contains(document.activeElement) && document.activeElement?.tagName === 'INPUT';
    if (!typing) void redraw();
  });
  eventStream(ctx.signal, `${scenarioUrl()}/events`, { coverage: soon, canvass: soon });
  draw(first);
  ctx.page(
    'Canvass',
    h(
      'p',
      {},
      'Each open gap of the pledged plan, the nations the potential-mode plan would fill it from, and who was asked and what they offered. It follows every change live.',
    ),
    status,
    list,
  );
}
