/**
 * Where a JSON text (RFC 8259) stops being valid, for a located syntax error: `JSON.parse` names the
 * offset for most mistakes but not for an unexpected token ("Unexpected token '}', … is not valid JSON").
 * Called only after `JSON.parse` failed and the nesting scan passed (so the recursion here is shallow).
 */

/** Offset of the first character at which `text` is not valid JSON, and what was expected there. */
export function jsonErrorAt(text: string): { offset: number; expected: string } {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  class Stop extends Error {
    constructor(readonly expected: string) {
      super(expected);
    }
  }
  const expect = (what: string): never => {
    throw new Stop(what);
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) expect(`"${word}"`);
      i++;
    }
  };
  const string = (): void => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) expect('a closing quote (")');
      if (c === '"') break;
      if ((c as string) < ' ') expect('no control character inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            expect('four hexadecimal digits after \\u');
          }
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          i++;
          expect('an escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u)');
        }
        i += 2;
        continue;
      }
      i++;
    }
    i++;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === '' || m[0] === '-') expect('a value');
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') expect('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') expect('":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        expect('"," or "}"');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        expect('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (i < text.length) expect('the end of the text');
    return { offset: text.length, expected: 'valid JSON' };
  } catch (e) {
    if (e instanceof Stop) return { offset: Math.min(i, text.length), expected: e.expected };
    throw e;
  }
}
