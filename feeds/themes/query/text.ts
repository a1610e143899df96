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
   * True when a query term may run from this word into the next (`cyberattack` matches
   * "cyber-attack" and "cyber attack"); see `joins`.
   */
  readonly joinsNext: boolean;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
export const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
/** Per BMP code point: 0 not yet known, 1 word character, 2 not. */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, boolean>();
const JOINERS = new Set(['-', '\u2010', '\u2011', "'", '\u2019', '\u02bc', '\u2018', '`', '\u00b4']);

/** Letters, digits and combining marks of any script; classes are cached per code point. */
export function isWordChar(codePoint: number): boolean {
  if (codePoint < 0x10000) {
    const known = bmpClass[codePoint];
    if (known !== 0) return known === 1;
    const word = WORD_CHAR.test(String.fromCharCode(codePoint));
    bmpClass[codePoint] = word ? 1 : 2;
    return word;
  }
  let known = astralClass.get(codePoint);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint));
    astralClass.set(codePoint, known);
  }
  return known;
}

// News text repeats its words endlessly; folding each distinct word once pays for the cache.
const foldCache = new Map<string, string>();
function foldCached(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    if (foldCache.size >= 100_000) foldCache.clear();
    folded = foldWord(word);
    foldCache.set(word, folded);
  }
  return folded;
}

/** Words shorter than this never join across a space: "de Portugal" must not read as "deport". */
export const SPACE_JOIN_MIN_LENGTH = 4;

/**
 * Whether a query term may run from the word at [prevStart, prevEnd) into the one at
 * [start, end): always across one hyphen or apostrophe, across spaces only between words of
 * at least SPACE_JOIN_MIN_LENGTH characters ("cyber attack" joins, "the rapist" does not).
 */
export function joins(text: string, prevStart: number, prevEnd: number, start: number, end: number): boolean {
  if (start - prevEnd === 1 && JOINERS.has(text[prevEnd]!)) return true;
  if (start === prevEnd || prevEnd - prevStart < SPACE_JOIN_MIN_LENGTH || end - start < SPACE_JOIN_MIN_LENGTH) return false;
  for (let i = prevEnd; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** Splits text into words at anything that is not a letter, digit or combining mark. */
export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  let prevStart = -1;
  let prevEnd = -1;
  let prevText = '';
  let i = 0;
  while (i < text.length) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    if (!isWordChar(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    while (i < text.length) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i)!;
      if (!isWordChar(c)) break;
      i += c > 0xffff ? 2 : 1;
    }
    const folded = foldCached(text.slice(start, i));
    if (folded.length === 0) continue;
    if (prevStart >= 0) {
      words.push({ text: prevText, start: prevStart, end: prevEnd, joinsNext: joins(text, prevStart, prevEnd, start, i) });
    }
    prevStart = start;
    prevEnd = i;
    prevText = folded;
  }
  if (prevStart >= 0) words.push({ text: prevText, start: prevStart, end: prevEnd, joinsNext: false });
  return words;
}
