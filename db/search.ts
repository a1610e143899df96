// Candidate items for a search: narrowed by the FTS5 index and a time window, newest first.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export interface StoredItem {
  readonly id: number;
  readonly title: string;
  readonly summary: string;
  readonly text: string;
  readonly link: string;
  readonly source: string;
  readonly language: string | null;
  readonly publishedAt: number;
}

export function searchCandidates(
  db: Db, ftsQuery: string, sinceMs: number, themeId: string | undefined, limit: number, country?: string,
): StoredItem[] {
  return sql(db, `SELECT i.id, i.title, i.summary, i.text, i.link, i.source, i.language, i.published_at AS publishedAt
      FROM items_fts f JOIN items i ON i.id = f.rowid
      WHERE items_fts MATCH ? AND i.published_at >= ?
        AND (? IS NULL OR EXISTS (SELECT 1 FROM hits h WHERE h.item_id = i.id AND h.theme_id = ?))
        AND (? IS NULL OR EXISTS (SELECT 1 FROM json_each(i.countries) WHERE value = ?))
      ORDER BY i.published_at DESC, i.id DESC LIMIT ?`)
    .all(ftsQuery, sinceMs, themeId ?? null, themeId ?? null, country ?? null, country ?? null, limit) as StoredItem[];
}
