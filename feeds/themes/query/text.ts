// Turns text into comparable words: case, diacritics and script quirks folded away, with the
// offsets of each word kept so evidence can be quoted as the text wrote it.

const SPECIAL: Record<string, string> = {
  ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l', ς: 'σ',
};
const SPECIAL_CHARS = /[ßłøæœđðþıħŀς]/g;
const MARKS = /\p{M}/gu;
const PLAIN = /^[a-z0-9]*$/;

/** Lower-cases and strips diacritics, so `Wilmès`, `WILMES` and `wilmes` compare equal. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS, '').replace(SPECIAL_CHARS, (c) => SPECIAL[c] ?? c);
}

export interface Word {
  /** Folded form, compared against query terms. */
  readonly text: string;
  /** Offsets into the original field text, for quoting evidence. */
  readonly start: number;
  readonly end: number;
  /**
   * True when only a hyphen, an apostrophe or spaces separate this word from the next, so a
   * query term may run across them (`cyberattack` matches "cyber-attack" and "cyber attack").
   */
  readonly joinsNext: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const JOINERS = new Set(['-', '\u2010', '\u2011', "'", '\u2019', '\u02bc', '\u2018', '`', '\u00b4']);

function isSoftSeparator(sep: string): boolean {
  if (sep.length === 1 && JOINERS.has(sep)) return true;
  for (const ch of sep) if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0') return false;
  return sep.length > 0;
}

/** Splits text into words at anything that is not a letter, digit or combining mark. */
export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  let previous: { text: string; start: number; end: number } | undefined;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (previous) {
      words.push({ ...previous, joinsNext: isSoftSeparator(text.slice(previous.end, start)) });
    }
    const folded = foldWord(m[0]);
    previous = folded.length > 0 ? { text: folded, start, end } : undefined;
  }
  if (previous) words.push({ ...previous, joinsNext: false });
  return words;
}
