// Turns a parsed query into an FTS5 query that finds a superset of its matches, so SQLite can
// narrow the stored items before the matcher decides. Every word is quoted: no user text is
// ever read as FTS5 syntax.

import type { QueryNode } from './ast.ts';

/** Words of at most this many letters are looked up as prefixes of themselves. */
const STEM = 4;

function positiveWords(node: QueryNode, out: Set<string>): void {
  if (node.type === 'term') out.add(node.word.text);
  else if (node.type === 'phrase') for (const w of node.words) out.add(w.text);
  else for (const c of node.children) positiveWords(c, out);
}

/**
 * Any item the query matches contains at least one of its positive words, or a word starting
 * like one (terms may run across hyphens, so "cyberattack" may be stored as "cyber" "attack"):
 * each word becomes a quoted prefix of its first letters.
 */
export function toFtsQuery(node: QueryNode): string {
  const words = new Set<string>();
  positiveWords(node, words);
  const prefixes = new Set([...words].map((w) => w.slice(0, STEM)));
  return [...prefixes].map((p) => `"${p.replace(/"/g, '""')}"*`).join(' OR ');
}
