// Stories: the event items report. For now every item starts its own story.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export function createStory(db: Db, firstItemId: number, title: string, themeIds: readonly string[], now: number): number {
  return Number(sql(db, 'INSERT INTO stories (first_item_id, title, themes, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
    .run(firstItemId, title, JSON.stringify(themeIds), now, now).lastInsertRowid);
}
