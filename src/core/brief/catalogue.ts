/**
 * The briefing's one message catalogue: every sentence, heading, label and caption of the briefing is a
 * message here, in English (`messages-en.ts`) and French (`messages-fr.ts`), with plural forms chosen by
 * `Intl.PluralRules`. Parameters are filled in by name (`{name}`); numbers in them are written by the
 * language's `Formatter` (locale.ts) before they reach a message.
 *
 * The `pseudo` locale (for tests) writes the English messages inside ⟦…⟧ and every formatted figure
 * inside ⟨…⟩, so a test can find any text of the briefing that came from neither.
 */
import { formatter, type Formatter, type LocaleId } from './locale.js';
import { en, type MessageKey } from './messages-en.js';
import { fr } from './messages-fr.js';

/** A message: one text, or plural forms selected by the parameter `n` (`Intl.PluralRules`). */
export type Message =
  | string
  | {
      readonly one: string;
      readonly other: string;
      readonly zero?: string;
      readonly two?: string;
      readonly few?: string;
      readonly many?: string;
    };
export type Catalogue = Readonly<Record<MessageKey, Message>>;
export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const CATALOGUES: Readonly<Record<'en' | 'fr', Catalogue>> = { en, fr };

/** Is `key` a message (for keys built from data, such as an outcome's id)? */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * The translator of a locale. Throws on a parameter the message names but the caller did not give (a
 * bug in the briefing, not an input error).
 */
export function translator(locale: LocaleId, fmt: Formatter = formatter(locale)): Translate {
  const cat: Catalogue = locale === 'fr' ? fr : en;
  return (key, params = {}) => {
    const m = cat[key];
    let text: string;
    if (typeof m === 'string') text = m;
    else {
      const n = params['n'];
      if (typeof n !== 'number') throw new Error(`message ${key} needs a number n`);
      text = m[fmt.plural(n)] ?? m.other;
    }
    const out = text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = params[name];
      if (v === undefined) throw new Error(`message ${key} needs {${name}}`);
      return typeof v === 'number' ? fmt.count(v) : v;
    });
    return locale === 'pseudo' ? `⟦${out}⟧` : out;
  };
}
