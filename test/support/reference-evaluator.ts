// A deliberately simple, brute-force evaluator of query trees, used only to check the fast
// matcher: it re-derives every span with plain loops and string comparisons.

import type { QueryNode, WordPattern } from '../../feeds/themes/query/ast.ts';
import { BODY_OFFSET } from '../../feeds/themes/query/matcher.ts';
import { tokenize, type Word } from '../../feeds/themes/query/text.ts';

type Key = string; // "start:end"
const key = (start: number, end: number): Key => `${start}:${end}`;
const parse = (k: Key) => k.split(':').map(Number) as [number, number];

function wordMatches(pattern: WordPattern, words: readonly Word[], offset: number): Set<Key> {
  const out = new Set<Key>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let w = i; w < words.length; w++) {
      if (w > i && !words[w - 1]!.joinsNext) break;
      joined += words[w]!.text;
      if (pattern.prefix) {
        if (joined.length >= pattern.text.length) {
          if (joined.startsWith(pattern.text)) out.add(key(i + offset, w + offset));
          break;
        }
        if (!pattern.text.startsWith(joined)) break;
      } else {
        if (joined === pattern.text) { out.add(key(i + offset, w + offset)); break; }
        if (joined.length >= pattern.text.length || !pattern.text.startsWith(joined)) break;
      }
    }
  }
  return out;
}

/** Words between two occurrences; Infinity when they overlap, since one word is not two sides. */
function distance(a: Key, b: Key): number {
  const [as, ae] = parse(a);
  const [bs, be] = parse(b);
  if (bs <= ae && as <= be) return Infinity;
  return Math.max(bs - ae, as - be);
}

export function referenceSpans(node: QueryNode, title: string, body: string): string[] {
  const titleWords = tokenize(title);
  const bodyWords = tokenize(body);
  const patternSpans = (p: WordPattern, titleOnly: boolean) => {
    const spans = wordMatches(p, titleWords, 0);
    if (!titleOnly) for (const k of wordMatches(p, bodyWords, BODY_OFFSET)) spans.add(k);
    return spans;
  };
  const ev = (n: QueryNode): Set<Key> => {
    if (n.type === 'term') return patternSpans(n.word, n.titleOnly);
    if (n.type === 'phrase') {
      let current = patternSpans(n.words[0]!, n.titleOnly);
      for (const w of n.words.slice(1)) {
        const nextSpans = [...patternSpans(w, n.titleOnly)];
        const extended = new Set<Key>();
        for (const c of current) {
          const [cs, ce] = parse(c);
          for (const s of nextSpans) {
            const [ns, ne] = parse(s);
            if (ns === ce + 1) extended.add(key(cs, ne));
          }
        }
        current = extended;
      }
      return current;
    }
    for (const x of n.excludes) if (ev(x).size > 0) return new Set();
    const parts = n.children.map(ev);
    if (n.op === 'or') return new Set(parts.flatMap((p) => [...p]));
    if (n.op === 'and') return parts.some((p) => p.size === 0) ? new Set() : new Set(parts.flatMap((p) => [...p]));
    let acc = parts[0]!;
    for (const next of parts.slice(1)) {
      const joined = new Set<Key>();
      for (const a of acc) for (const b of next) {
        if (distance(a, b) <= n.distance) { joined.add(a); joined.add(b); }
      }
      acc = joined;
    }
    return acc;
  };
  return [...ev(node)].sort((a, b) => parse(a)[0] - parse(b)[0] || parse(a)[1] - parse(b)[1]);
}
