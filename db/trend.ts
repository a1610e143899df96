// Stories per day per theme, for the trend chart: a story counts on the day of its first report.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export interface DayCount { readonly day: string; readonly themeId: string; readonly stories: number }

export function storiesPerDay(db: Db, options: { sinceMs: number; themeIds: readonly string[] }): DayCount[] {
  return sql(db, `SELECT strftime('%Y-%m-%d', s.first_published_at / 1000, 'unixepoch') AS day, t.value AS themeId, COUNT(*) AS stories
      FROM stories s, json_each(s.themes) t
      WHERE s.first_published_at >= ? AND t.value IN (SELECT value FROM json_each(?))
      GROUP BY day, themeId ORDER BY day, themeId`).all(options.sinceMs, JSON.stringify(options.themeIds)) as DayCount[];
}
