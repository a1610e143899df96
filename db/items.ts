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

/** Whether the item is already stored, from this feed (same guid) or another (same link). */
export function isStoredItem(db: Db, feedId: number, item: Pick<NewsItem, 'guid' | 'link'>): boolean {
  return knownFromFeed(db, feedId, item.guid) || (item.link !== '' && sameArticle(db, item.link) !== undefined);
}

function knownFromFeed(db: Db, feedId: number, guid: string): boolean {
  return (sql(db, 'SELECT 1 FROM items WHERE feed_id = ? AND guid = ?').get(feedId, guid)
    ?? sql(db, 'SELECT 1 FROM item_sources WHERE feed_id = ? AND guid = ?').get(feedId, guid)) !== undefined;
}

function sameArticle(db: Db, link: string): number | undefined {
  return (sql(db, "SELECT id FROM items WHERE link = ? AND link <> '' LIMIT 1").get(link) as { id: number } | undefined)?.id;
}

/** `classified` is asked only for an item that is really new, since working it out costs. */
export function insertItem(
  db: Db, feedId: number, item: NewsItem, fetchedAt: number, contentHash: string,
  classified: () => { readonly language: string | undefined; readonly countries: readonly string[] },
): InsertOutcome {
  if (knownFromFeed(db, feedId, item.guid)) return { status: 'known' };
  const same = item.link ? sameArticle(db, item.link) : undefined;
  if (same !== undefined) {
    sql(db, 'INSERT OR IGNORE INTO item_sources (item_id, feed_id, guid, seen_at) VALUES (?, ?, ?, ?)').run(same, feedId, item.guid, fetchedAt);
    return { status: 'same-article', id: same };
  }
  const { language, countries } = classified();
  const id = sql(db, `INSERT INTO items (feed_id, guid, link, title, summary, text, published_at, fetched_at, language, countries, source, content_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(feedId, item.guid, item.link, item.title, item.summary, item.text, item.publishedAt.getTime(), fetchedAt, language ?? null, JSON.stringify(countries), item.source, contentHash)
    .lastInsertRowid;
  return { status: 'new', id: Number(id) };
}

export function setItemStory(db: Db, itemId: number, storyId: number): void {
  sql(db, 'UPDATE items SET story_id = ? WHERE id = ?').run(storyId, itemId);
}

export function countItems(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
}
