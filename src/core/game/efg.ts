/**
 * Gambit's extensive-form text format (`.efg`, version 2), so games built here can be cross-checked in
 * Gambit (`gambit-enumpure`, `gambit-lcp`, the GUI). Format reference: Gambit documentation, "Game
 * representation formats" (https://gambit.sourceforge.net/gambit16/formats.html): a header
 * `EFG 2 R "title" { "player" … }` and a comment string, then one line per node in depth-first preorder —
 * `p "label" player infoset "name" { "action" … } outcome`, `c "label" infoset "name" { "action" prob … }
 * outcome`, `t "label" outcome "name" { payoff, … }`. Information sets are numbered per player (chance has
 * its own numbering); outcome 0 means none.
 */
import { fail, issue, ok, type Result } from '../shared/index.js';
import { checkGame, type Game, type GameNode } from './tree.js';

/** The game as `.efg` text. Every leaf gets its own outcome; information sets are numbered by first use. */
export function toEfg(game: Game): string {
  const lines: string[] = [];
  lines.push(`EFG 2 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }`);
  lines.push(quote(game.description));
  lines.push('');
  const numbers = new Map<string, number>();
  const perPlayer = game.players.map(() => 0);
  let chanceSets = 0;
  let outcomes = 0;
  const write = (node: GameNode): void => {
    switch (node.kind) {
      case 'terminal':
        outcomes += 1;
        lines.push(
          `t ${quote(node.label)} ${outcomes} ${quote(node.label)} { ${node.payoffs.map(formatNumber).join(', ')} }`,
        );
        return;
      case 'chance':
        chanceSets += 1;
        lines.push(
          `c ${quote(node.label)} ${chanceSets} "" { ${node.branches.map((b) => `${quote(b.action)} ${formatNumber(b.probability)}`).join(' ')} } 0`,
        );
        node.branches.forEach((b) => write(b.node));
        return;
      case 'decision': {
        let k = numbers.get(node.infoSet);
        if (k === undefined) {
          k = (perPlayer[node.player] ?? 0) + 1;
          perPlayer[node.player] = k;
          numbers.set(node.infoSet, k);
        }
        lines.push(
          `p ${quote(node.label)} ${node.player + 1} ${k} ${quote(node.infoSet)} { ${node.moves.map((m) => quote(m.action)).join(' ')} } 0`,
        );
        node.moves.forEach((m) => write(m.node));
        return;
      }
    }
  };
  write(game.root);
  return lines.join('\n') + '\n';
}

function quote(s: string): string {
  return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A number as Gambit reads it: decimal, no exponent. */
export function formatNumber(x: number): string {
  const s = String(x);
  if (!s.includes('e')) return s;
  if (Number.isInteger(x)) return BigInt(x).toString();
  return x.toFixed(15).replace(/0+$/, '').replace(/\.$/, '');
}

type Token = { kind: 'word' | 'string' | '{' | '}'; text: string; offset: number };

function tokenize(text: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s|,/.test(c)) i++;
    else if (c === '{' || c === '}') out.push({ kind: c, text: c, offset: i++ });
    else if (c === '"') {
      let s = '';
      const start = i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        s += text[i++] ?? '';
      }
      if (i >= text.length) return `unterminated string at offset ${start}`;
      i++;
      out.push({ kind: 'string', text: s, offset: start });
    } else {
      const start = i;
      while (i < text.length && !/[\s,{}"]/.test(text[i] ?? '')) i++;
      out.push({ kind: 'word', text: text.slice(start, i), offset: start });
    }
  }
  return out;
}

/** A number in Gambit's syntax: decimal or rational `p/q`. */
function parseNumber(s: string): number {
  const [p, q] = s.split('/');
  return q === undefined ? Number(p) : Number(p) / Number(q);
}

/**
 * Reads `.efg` text (version 2). Outcomes attached to non-terminal nodes are added into the payoffs of the
 * leaves below them (the model keeps payoffs at leaves only). Errors are issues with code `efg.syntax`
 * (path: the character offset) or the game checks' codes.
 */
export function parseEfg(text: string): Result<Game> {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return fail([issue('efg.syntax', [], tokens)]);
  let pos = 0;
  const err = (message: string): Result<never> =>
    fail([issue('efg.syntax', [tokens[pos]?.offset ?? text.length], message)]);
  const next = (): Token | undefined => tokens[pos++];
  const expect = (kind: Token['kind']): Token | undefined => {
    const t = next();
    return t?.kind === kind ? t : undefined;
  };
  if (next()?.text !== 'EFG' || next()?.text !== '2') return err('expected "EFG 2" at the start');
  next(); // R or D: number type
  const title = expect('string');
  if (title === undefined) return err('expected the title string');
  if (expect('{') === undefined) return err('expected { and the player names');
  const players: string[] = [];
  while (tokens[pos]?.kind === 'string') players.push(next()?.text ?? '');
  if (expect('}') === undefined) return err('expected } after the player names');
  const description = tokens[pos]?.kind === 'string' ? (next()?.text ?? '') : '';

  const actionsOf = new Map<string, string[]>();
  const chanceOf = new Map<string, { action: string; probability: number }[]>();
  const outcomes = new Map<number, number[]>();
  const ids = new Map<string, string>();
  const names = new Set<string>();
  type Parsed = { node: GameNode } | { error: string };

  const readOutcome = (): { n: number; payoffs: number[] } | string => {
    const t = next();
    if (t?.kind !== 'word') return 'expected an outcome number';
    const n = Number(t.text);
    if (!Number.isInteger(n)) return `bad outcome number ${t.text}`;
    if (n === 0) return { n, payoffs: players.map(() => 0) };
    if (tokens[pos]?.kind === 'string') {
      next();
      if (expect('{') === undefined) return 'expected { and the payoffs';
      const payoffs: number[] = [];
      while (tokens[pos]?.kind === 'word') payoffs.push(parseNumber(next()?.text ?? ''));
      if (expect('}') === undefined) return 'expected } after the payoffs';
      if (payoffs.length !== players.length || payoffs.some((x) => !Number.isFinite(x)))
        return `outcome ${n} needs ${players.length} numeric payoffs`;
      outcomes.set(n, payoffs);
    }
    const payoffs = outcomes.get(n);
    return payoffs === undefined ? `outcome ${n} is used before its payoffs are given` : { n, payoffs };
  };
  const add = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

  const parseNode = (carried: readonly number[]): Parsed => {
    const kind = next();
    const label = expect('string')?.text;
    if (label === undefined) return { error: 'expected a node label string' };
    if (kind?.text === 't') {
      const o = readOutcome();
      if (typeof o === 'string') return { error: o };
      return { node: { kind: 'terminal', label, payoffs: add(carried, o.payoffs) } };
    }
    if (kind?.text === 'p' || kind?.text === 'c') {
      const player = kind.text === 'p' ? Number(next()?.text) : 0;
      const set = next()?.text ?? '';
      const key = `${player}:${set}`;
      const name = tokens[pos]?.kind === 'string' ? (next()?.text ?? '') : '';
      if (kind.text === 'p' && (!Number.isInteger(player) || player < 1 || player > players.length))
        return { error: `no player ${player}` };
      let actions: string[] | undefined;
      let probabilities: number[] = [];
      if (tokens[pos]?.kind === '{') {
        next();
        actions = [];
        while (tokens[pos]?.kind === 'string') {
          actions.push(next()?.text ?? '');
          if (kind.text === 'c') probabilities.push(parseNumber(next()?.text ?? ''));
        }
        if (expect('}') === undefined) return { error: 'expected } after the actions' };
        if (kind.text === 'p') actionsOf.set(key, actions);
        else
          chanceOf.set(
            key,
            actions.map((a, i) => ({ action: a, probability: probabilities[i] ?? NaN })),
          );
      } else if (kind.text === 'p') actions = actionsOf.get(key);
      else {
        const known = chanceOf.get(key);
        actions = known?.map((x) => x.action);
        probabilities = known?.map((x) => x.probability) ?? [];
      }
      if (actions === undefined)
        return { error: `information set ${set} of player ${player} has no actions` };
      const o = readOutcome();
      if (typeof o === 'string') return { error: o };
      const below = add(carried, o.payoffs);
      const children: GameNode[] = [];
      for (let i = 0; i < actions.length; i++) {
        const child = parseNode(below);
        if ('error' in child) return child;
        children.push(child.node);
      }
      if (kind.text === 'c')
        return {
          node: {
            kind: 'chance',
            label,
            branches: children.map((node, i) => ({
              action: actions[i] ?? '',
              probability: probabilities[i] ?? NaN,
              node,
            })),
          },
        };
      let id = ids.get(key);
      if (id === undefined) {
        id = name !== '' && !names.has(name) ? name : `${player}:${set}`;
        ids.set(key, id);
        names.add(id);
      }
      return {
        node: {
          kind: 'decision',
          label,
          player: player - 1,
          infoSet: id,
          moves: children.map((node, i) => ({ action: actions[i] ?? '', node })),
        },
      };
    }
    return { error: `expected a node type p, c or t, found ${kind?.text ?? 'the end'}` };
  };
  const root = parseNode(players.map(() => 0));
  if ('error' in root) return err(root.error);
  if (pos < tokens.length) return err('text after the last node');
  const game: Game = { title: title.text, description, players, root: root.node };
  const found = checkGame(game);
  return found.length > 0 ? fail(found) : ok(game);
}
