// Span algebra for evaluation: sorted, de-duplicated lists of word ranges, combined in linear
// or n·log n time so that no query can make matching quadratic in the text.

/** Words `start` to `end` (inclusive), in the numbering of one scanned document. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Merges sorted span lists into one sorted list without duplicates. */
export function unionSpans(lists: readonly (readonly Span[])[]): Span[] {
  let only: readonly Span[] | undefined;
  let count = 0;
  for (const l of lists) if (l.length > 0) { only = l; count++; }
  if (count === 0) return [];
  if (count === 1) return only!.slice();
  const all: Span[] = [];
  for (const l of lists) for (const s of l) all.push(s);
  all.sort(compareSpans);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (!last || last.start !== s.start || last.end !== s.end) out.push(s);
  }
  return out;
}

/** The spans of `a` that have some span of `b` at most `distance` words away. */
function nearOneWay(a: readonly Span[], b: readonly Span[], distance: number): Span[] {
  // b is sorted by start; maxEnd[i] is the largest end among b[0..i], so one binary search
  // per span of a answers "is there a b starting early enough and ending late enough".
  const maxEnd = new Array<number>(b.length);
  let best = -Infinity;
  for (let i = 0; i < b.length; i++) maxEnd[i] = best = Math.max(best, b[i]!.end);
  const out: Span[] = [];
  for (const s of a) {
    let lo = 0;
    let hi = b.length - 1;
    let found = -1;
    const limit = s.end + distance;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid]!.start <= limit) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found >= 0 && maxEnd[found]! >= s.start - distance) out.push(s);
  }
  return out;
}

/** NEAR/n: the occurrences on either side that have a partner on the other side within n words. */
export function nearSpans(a: readonly Span[], b: readonly Span[], distance: number): Span[] {
  if (a.length === 0 || b.length === 0) return [];
  const left = nearOneWay(a, b, distance);
  if (left.length === 0) return [];
  return unionSpans([left, nearOneWay(b, a, distance)]);
}
