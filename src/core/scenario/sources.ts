/**
 * Adding a source to `meta.sources` (a national letter, a ministry statement) from the workspace: the
 * shape a new source takes, and the id it gets when the caller gives none.
 */
import { z } from 'zod';
import { Id, IsoDate, Source } from './schema.js';

/**
 * A new source as a client sends it: the fields of `Source`, each with a message that names what to give,
 * and an optional id (generated from the citation when omitted).
 */
export const NewSource = z.strictObject({
  id: Id.optional(),
  kind: Source.shape.kind,
  citation: z
    .string()
    .trim()
    .min(1, 'give the citation: title, publisher or author, and date')
    .max(500, 'at most 500 characters'),
  url: z.url({ message: 'a web address such as https://…, or leave it out' }).optional(),
  method: z.string().trim().min(1, 'say how the figure was obtained, or leave it out').optional(),
  date: IsoDate.optional(),
});
export type NewSource = z.infer<typeof NewSource>;

/** Longest generated id stem, in characters (before a `-2`, `-3`, … suffix). */
const STEM_MAX = 40;

/**
 * A fresh id for a source: the citation's first words in lower case joined by `-` (letters and digits of
 * any script reduced to ASCII), the year of `date` appended when known, then `-2`, `-3`, … until it is not
 * in `taken`. Always matches the id pattern; `source` when the citation has no usable letters.
 */
export function newSourceId(citation: string, date: string | undefined, taken: ReadonlySet<string>): string {
  const words = citation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let stem = '';
  for (const w of words) {
    const next = stem === '' ? w : `${stem}-${w}`;
    if (next.length > STEM_MAX) break;
    stem = next;
  }
  if (stem === '') stem = 'source';
  const year = date?.slice(0, 4);
  if (year !== undefined && !stem.includes(year)) stem = `${stem}-${year}`;
  // A reserved name (`constructor`, …) or a clash gets a suffix.
  const free = (s: string) => !taken.has(s) && !Object.hasOwn(Object.prototype, s) && Id.safeParse(s).success;
  if (free(stem)) return stem;
  for (let i = 2; ; i++) if (free(`${stem}-${i}`)) return `${stem}-${i}`;
}
