/**
 * A source's short citation, for the printed appendix: who and when, not what they said. Scenario
 * citations read "Who, when — what they said"; the part before the dash is kept. A citation without
 * that dash is cut at a word boundary. The HTML keeps the full citation; print shows this one.
 */

/** Longest short citation, in characters (the ellipsis included). */
export const SHORT_CITATION_MAX = 90;

/** "NATO news, 28 Aug 2017 — the four original eFP …" → "NATO news, 28 Aug 2017". */
export function shortCitation(citation: string, max = SHORT_CITATION_MAX): string {
  const text = citation.trim().replace(/\s+/g, ' ');
  const dash = text.indexOf(' — ');
  const head = dash > 0 ? text.slice(0, dash) : text;
  if (head.length <= max) return head;
  const cut = head.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A word boundary in the second half, else a hard cut (one very long word, a URL).
  const at = space > max / 2 ? cut.slice(0, space) : cut;
  return `${at.replace(/[\s,;:(—–-]+$/, '')}…`;
}
