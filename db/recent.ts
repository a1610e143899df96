// Recent matched items for lookups: newest first, with the themes they hit and why.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export interface RecentHit {
  readonly itemId: number;
  readonly title: string;
  readonly link: string;
  readonly source: string;
  readonly language: string | null;
  readonly publishedAt: number;
  readonly themeIds: readonly string[];
  readonly terms: readonly string[];
  /** Reports of the same story besides this one, its first. */
  readonly moreReports: number;
}

/**
 * Stories with a hit (of the given themes), newest first, one page: each shown by its first
 * report, with how many more reports it has.
 */
export function recentHits(db: Db, options: { themeIds: readonly string[]; limit: number; offset: number; sinceMs?: number; country?: string }): RecentHit[] {
  const rows = sql(db, `SELECT i.id AS itemId, i.title, i.link, i.source, i.language, i.published_at AS publishedAt,
        json_group_array(h.theme_id) AS themeIds, json_group_array(json(h.terms)) AS terms,
        (SELECT COUNT(*) - 1 FROM items x WHERE x.story_id = i.story_id) AS moreReports
      FROM items i JOIN hits h ON h.item_id = i.id
      WHERE h.theme_id IN (SELECT value FROM json_each(?)) AND i.published_at >= ?
        AND i.id = (SELECT MIN(f.id) FROM items f WHERE f.story_id = i.story_id)
        AND (? IS NULL OR EXISTS (SELECT 1 FROM stories s, json_each(s.countries) c WHERE s.id = i.story_id AND c.value = ?))
      GROUP BY i.id ORDER BY (SELECT MAX(l.published_at) FROM items l WHERE l.story_id = i.story_id) DESC, i.id DESC LIMIT ? OFFSET ?`)
    .all(JSON.stringify(options.themeIds), options.sinceMs ?? 0, options.country ?? null, options.country ?? null, options.limit, options.offset) as (Omit<RecentHit, 'themeIds' | 'terms'> & { themeIds: string; terms: string })[];
  return rows.map((r) => ({
    ...r,
    themeIds: JSON.parse(r.themeIds) as string[],
    terms: [...new Set((JSON.parse(r.terms) as string[][]).flat())],
    moreReports: Math.max(0, r.moreReports),
  }));
}
