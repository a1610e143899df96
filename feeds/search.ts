// Searching stored items with the query language: the FTS5 index narrows, the matcher decides.

import { searchCandidates, type StoredItem } from '../db/search.ts';
import type { Db } from '../db/open.ts';
import { compileThemes, documentOf } from './themes/match.ts';
import { toFtsQuery } from './themes/query/fts.ts';
import { parseQuery } from './themes/query/parse.ts';

export interface SearchHit { readonly item: StoredItem; readonly terms: readonly string[] }

export type SearchResult = { ok: true; hits: SearchHit[] } | { ok: false; error: string };

/** Candidates read from the index at most; enough for any sensible window, bounded for memory. */
const MAX_CANDIDATES = 5000;

export function searchItems(db: Db, query: string, options: { sinceMs: number; themeId?: string; country?: string; limit: number }): SearchResult {
  const parsed = parseQuery(query);
  if (!parsed.ok) return parsed;
  const compiled = compileThemes([{ id: 'search', query, threshold: 0 }]);
  if (!compiled.ok) return compiled;
  const hits: SearchHit[] = [];
  for (const item of searchCandidates(db, toFtsQuery(parsed.query), options.sinceMs, options.themeId, MAX_CANDIDATES, options.country)) {
    const [hit] = compiled.matcher.match(documentOf(item));
    if (hit) hits.push({ item, terms: hit.terms });
    if (hits.length >= options.limit) break;
  }
  return { ok: true, hits };
}
