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

/** The spans of `a` that have some span of `b`, not overlapping it, at most `distance` words away. */
function nearOneWay(a: readonly Span[], b: readonly Span[], distance: number): Span[] {
  // A partner after s starts within (s.end, s.end + distance]: one binary search on starts.
  // A partner before s ends within [s.start - distance, s.start): one binary search on ends.
  const ends = b.map((x) => x.end).sort((x, y) => x - y);
  const out: Span[] = [];
  for (const s of a) {
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid]!.start <= s.end) lo = mid + 1; else hi = mid;
    }
    if (lo < b.length && b[lo]!.start <= s.end + distance) { out.push(s); continue; }
    lo = 0;
    hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < s.start - distance) lo = mid + 1; else hi = mid;
    }
    if (lo < ends.length && ends[lo]! < s.start) out.push(s);
  }
  return out;
}

/** NEAR/n: the occurrences on either side that have a partner on the other side within n words (two distinct occurrences: one word cannot be both sides). */
export function nearSpans(a: readonly Span[], b: readonly Span[], distance: number): Span[] {
  if (a.length === 0 || b.length === 0) return [];
  const left = nearOneWay(a, b, distance);
  if (left.length === 0) return [];
  return unionSpans([left, nearOneWay(b, a, distance)]);
}
