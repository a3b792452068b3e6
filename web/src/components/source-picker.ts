/**
 * Picking a pledge's source: the scenario's sources by their citation (never their internal keys), a
 * search that narrows the list as you type, and "Add a new source" inline — title, publisher or author,
 * date, web address and the kind of document (a national letter, …) — saved through
 * `POST …/sources` and then selected. The server's refusals show in its own words, naming the field.
 */
import { api, type Scenario } from '../api.js';
import { field, h } from '../dom.js';
import { scenarioUrl } from '../session.js';

type Sources = Scenario['meta']['sources'];

/** Kinds of document a liaison cites, as they are named in the citation. */
export const documentKinds = [
  'national letter',
  'ministerial statement',
  'government publication',
  'parliamentary record',
  'press report',
  'other document',
] as const;

/**
 * The citation of a new source: `Publisher: Title (kind)`, the one text the scenario keeps
 * (`meta.sources[].citation`); the date and the address are stored as their own fields.
 */
export const citationOf = (title: string, publisher: string, kind: string): string =>
  `${publisher.trim()}: ${title.trim()} (${kind})`;

export interface SourcePickerOptions {
  readonly signal: AbortSignal;
  readonly sources: Sources;
  /** The prefix of the controls' ids. */
  readonly idPrefix: string;
  /** Selects that list the sources (the pledge's source first: a new source is selected there). */
  readonly selects: readonly HTMLSelectElement[];
  /** After a source was added and selected. */
  readonly added: (id: string) => void;
}

/** One `<option>` per source, by citation (shortened), the id kept only as the value. */
export function sourceOptions(sources: Sources, none: string): HTMLOptionElement[] {
  return [
    h('option', { value: '' }, none),
    ...Object.entries(sources).map(([k, v]) =>
      h(
        'option',
        { value: k, title: v.citation },
        v.citation.length > 90 ? `${v.citation.slice(0, 88)}…` : v.citation,
      ),
    ),
  ];
}

/** The page-wide event of a source just added (`detail`: its id and citation). */
const ADDED = 'bulwark-source-added';

/**
 * Keeps `select` listing the sources added on this page (from any pledge form) until `signal` aborts:
 * every source select on the page offers a new source at once.
 */
export function followNewSources(signal: AbortSignal, select: HTMLSelectElement): void {
  document.addEventListener(
    ADDED,
    (e) => {
      const { id, citation } = (e as CustomEvent<{ id: string; citation: string }>).detail;
      if (!Array.from(select.options).some((o) => o.value === id))
        select.append(h('option', { value: id, title: citation }, citation));
    },
    { signal },
  );
}

/** The search field and the "Add a new source" panel that go with the selects. */
export function sourcePicker(o: SourcePickerOptions): { search: HTMLElement; adder: HTMLElement } {
  const id = (f: string): string => `${o.idPrefix}-${f}`;
  const [main] = o.selects;
  for (const sel of o.selects) followNewSources(o.signal, sel);
  const query = h('input', { id: id('find'), type: 'search', placeholder: 'title, publisher or date' });
  const filter = (): void => {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const sel of o.selects)
      for (const opt of Array.from(sel.options)) {
        const text = `${opt.title} ${opt.textContent ?? ''}`.toLowerCase();
        opt.hidden = opt.value !== '' && opt.value !== sel.value && !words.every((w) => text.includes(w));
      }
  };
  query.addEventListener('input', filter);
  const search = field(id('find'), 'Find a source', query);

  const title = h('input', { id: id('new-title'), autocomplete: 'off' });
  const publisher = h('input', { id: id('new-publisher'), autocomplete: 'off' });
  const kind = h(
    'select',
    { id: id('new-kind') },
    documentKinds.map((k) => h('option', { value: k }, k)),
  );
  const date = h('input', { id: id('new-date'), type: 'date' });
  const url = h('input', { id: id('new-url'), type: 'url', placeholder: 'https://… (optional)' });
  const status = h('p', { class: 'source-status', role: 'status', id: id('new-status') });
  const addButton = h('button', { type: 'button' }, 'Add and select this source');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const panel = h(
    'fieldset',
    { class: 'new-source', hidden: true, 'aria-describedby': id('new-status') },
    h('legend', {}, 'A new source'),
    h(
      'div',
      { class: 'fields' },
      field(id('new-title'), 'Title', title),
      field(id('new-publisher'), 'Publisher or author', publisher),
      field(id('new-kind'), 'Kind of document', kind),
      field(id('new-date'), 'Date', date),
      field(id('new-url'), 'Web address', url),
    ),
    h('div', { class: 'actions' }, addButton, cancel),
    status,
  );
  const done = h('p', { class: 'source-status', role: 'status' });
  const open = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false' },
    'Add a new source',
  );
  const show = (on: boolean): void => {
    panel.hidden = !on;
    open.setAttribute('aria-expanded', String(on));
    if (on) {
      done.textContent = '';
      title.focus();
    }
  };
  open.addEventListener('click', () => show(panel.hidden !== false));
  cancel.addEventListener('click', () => {
    show(false);
    open.focus();
  });

  const refuse = (message: string, control: HTMLElement): void => {
    status.textContent = message;
    status.className = 'source-status error';
    control.focus();
  };
  const add = (): void => {
    if (title.value.trim() === '') return refuse('Give the title of the document.', title);
    if (publisher.value.trim() === '') return refuse('Give who published or wrote it.', publisher);
    const value: Record<string, string> = {
      citation: citationOf(title.value, publisher.value, kind.value),
    };
    if (date.value !== '') value['date'] = date.value;
    if (url.value.trim() !== '') value['url'] = url.value.trim();
    status.className = 'source-status';
    status.textContent = 'Adding the source…';
    addButton.disabled = true;
    api<{ source: Sources[string] & { id: string } }>('POST', `${scenarioUrl()}/sources`, { value }, o.signal)
      .then(({ source }) => {
        // The page's copy of the scenario learns it too, so forms drawn later list it.
        o.sources[source.id] = source;
        document.dispatchEvent(
          new CustomEvent(ADDED, { detail: { id: source.id, citation: source.citation } }),
        );
        if (main !== undefined) main.value = source.id;
        status.textContent = '';
        done.textContent = `Added and selected: ${source.citation}. Save the pledge to cite it.`;
        for (const c of [title, publisher, date, url]) c.value = '';
        show(false);
        main?.focus();
        o.added(source.id);
      })
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        // The server names the field (`value.date: …`): point at it.
        const control = /value\.date/.test(message) ? date : /value\.url/.test(message) ? url : title;
        refuse(`Not added: ${message}`, control);
      })
      .finally(() => {
        addButton.disabled = false;
      });
  };
  addButton.addEventListener('click', add);
  panel.addEventListener('keydown', (e) => {
    // Enter adds the source rather than submitting the pledge around it.
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      add();
    }
  });
  return { search, adder: h('div', { class: 'source-adder' }, open, done, panel) };
}
