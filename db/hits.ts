// Hits: which themes an item matched, with score and the terms that fired.

import type { Db } from './open.ts';
import { sql } from './statements.ts';
import type { ThemeHit } from '../feeds/types.ts';

export function insertHits(db: Db, itemId: number, hits: readonly ThemeHit[]): void {
  const insert = sql(db, 'INSERT OR REPLACE INTO hits (item_id, theme_id, score, terms, in_title) VALUES (?, ?, ?, ?, ?)');
  for (const h of hits) insert.run(itemId, h.themeId, h.score, JSON.stringify(h.terms), h.inTitle ? 1 : 0);
}

export function countHits(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM hits').get() as { n: number }).n;
}
