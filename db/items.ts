// Items, their full-text index and their extra sources: one row per article, found again by
// (feed, guid) or by canonical link when another feed syndicates it.

import type { Db } from './open.ts';
import { sql } from './statements.ts';
import type { NewsItem } from '../feeds/types.ts';

export type InsertOutcome =
  | { readonly status: 'new'; readonly id: number }
  | { readonly status: 'known' }
  /** The same article (same canonical link) already stored from another feed: one more source. */
  | { readonly status: 'same-article'; readonly id: number };

/** `language` is asked only for an item that is really new, since detecting it costs. */
export function insertItem(db: Db, feedId: number, item: NewsItem, fetchedAt: number, contentHash: string, language: () => string | undefined): InsertOutcome {
  const known = sql(db, 'SELECT 1 FROM items WHERE feed_id = ? AND guid = ?').get(feedId, item.guid)
    ?? sql(db, 'SELECT 1 FROM item_sources WHERE feed_id = ? AND guid = ?').get(feedId, item.guid);
  if (known) return { status: 'known' };
  if (item.link) {
    const same = sql(db, "SELECT id FROM items WHERE link = ? AND link <> '' LIMIT 1").get(item.link) as { id: number } | undefined;
    if (same) {
      sql(db, 'INSERT OR IGNORE INTO item_sources (item_id, feed_id, guid, seen_at) VALUES (?, ?, ?, ?)').run(same.id, feedId, item.guid, fetchedAt);
      return { status: 'same-article', id: same.id };
    }
  }
  const id = sql(db, `INSERT INTO items (feed_id, guid, link, title, summary, text, published_at, fetched_at, language, source, content_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(feedId, item.guid, item.link, item.title, item.summary, item.text, item.publishedAt.getTime(), fetchedAt, language() ?? null, item.source, contentHash)
    .lastInsertRowid;
  return { status: 'new', id: Number(id) };
}

export function setItemStory(db: Db, itemId: number, storyId: number): void {
  sql(db, 'UPDATE items SET story_id = ? WHERE id = ?').run(storyId, itemId);
}

export function countItems(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
}
