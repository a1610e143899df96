// The feeds table: what is polled, its conditional-GET validators, its health and backoff.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export type FeedStatus = 'active' | 'dead' | 'disabled';

export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  readonly language: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly nextPollAt: number;
  readonly consecutiveFailures: number;
  readonly failingSince: number | null;
  readonly lastError: string | null;
  readonly lastOkAt: number | null;
  readonly status: FeedStatus;
  /** The server that added it with /feeds add, and where; null for the default list and the CLI. */
  readonly guildId: string | null;
  readonly addedInChannel: string | null;
}

interface FeedRow {
  id: number; url: string; title: string | null; language: string | null; etag: string | null; last_modified: string | null;
  next_poll_at: number; consecutive_failures: number; failing_since: number | null; last_error: string | null;
  last_ok_at: number | null; status: FeedStatus; guild_id: string | null; added_in_channel: string | null;
}

function toFeed(r: FeedRow): Feed {
  return {
    id: r.id, url: r.url, title: r.title, language: r.language, etag: r.etag, lastModified: r.last_modified,
    nextPollAt: r.next_poll_at, consecutiveFailures: r.consecutive_failures, failingSince: r.failing_since,
    lastError: r.last_error, lastOkAt: r.last_ok_at, status: r.status, guildId: r.guild_id, addedInChannel: r.added_in_channel,
  };
}

/** Adds a feed unless its URL is known; true when it was added. */
export function insertFeed(db: Db, url: string, meta: { title?: string | null; language?: string | null }, now: number): boolean {
  return sql(db, 'INSERT OR IGNORE INTO feeds (url, title, language, created_at, next_poll_at) VALUES (?, ?, ?, ?, 0)')
    .run(url, meta.title ?? null, meta.language ?? null, now).changes > 0;
}

/** A server's own feed; false when the URL is already watched (by the defaults or any server). */
export function insertGuildFeed(db: Db, url: string, by: { guildId: string; userId: string; channelId: string; title: string | null; language: string | null }, now: number): boolean {
  return sql(db, `INSERT OR IGNORE INTO feeds (url, title, language, guild_id, added_by, added_in_channel, created_at, next_poll_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0)`).run(url, by.title, by.language, by.guildId, by.userId, by.channelId, now).changes > 0;
}

export function guildFeeds(db: Db, guildId: string): Feed[] {
  return (sql(db, 'SELECT * FROM feeds WHERE guild_id = ? ORDER BY url').all(guildId) as FeedRow[]).map(toFeed);
}

/** Feeds nobody added through Discord: the default list and the CLI's. */
export function countSharedFeeds(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM feeds WHERE guild_id IS NULL').get() as { n: number }).n;
}

export function deleteGuildFeed(db: Db, guildId: string, url: string): boolean {
  return sql(db, 'DELETE FROM feeds WHERE url = ? AND guild_id = ?').run(url, guildId).changes > 0;
}

export function deleteFeed(db: Db, url: string): boolean {
  return sql(db, 'DELETE FROM feeds WHERE url = ?').run(url).changes > 0;
}

export function listFeeds(db: Db): Feed[] {
  return (sql(db, 'SELECT * FROM feeds ORDER BY url').all() as FeedRow[]).map(toFeed);
}

export function countFeeds(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM feeds').get() as { n: number }).n;
}

export function getFeed(db: Db, url: string): Feed | undefined {
  const row = sql(db, 'SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
  return row ? toFeed(row) : undefined;
}

/** Active feeds whose next poll time has come, most overdue first. */
export function dueFeeds(db: Db, now: number): Feed[] {
  return (sql(db, "SELECT * FROM feeds WHERE status = 'active' AND next_poll_at <= ? ORDER BY next_poll_at, id").all(now) as FeedRow[]).map(toFeed);
}

export function recordFeedSuccess(
  db: Db, id: number, result: { etag?: string | undefined; lastModified?: string | undefined; title?: string | undefined; language?: string | undefined }, now: number, nextPollAt: number,
): void {
  sql(db, `UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), title = COALESCE(title, ?),
      language = COALESCE(language, ?), last_polled_at = ?, last_ok_at = ?, next_poll_at = ?, consecutive_failures = 0,
      failing_since = NULL, last_error = NULL WHERE id = ?`)
    .run(result.etag ?? null, result.lastModified ?? null, result.title ?? null, result.language ?? null, now, now, nextPollAt, id);
}

export function recordFeedFailure(db: Db, id: number, error: string, now: number, nextPollAt: number, status: FeedStatus): void {
  sql(db, `UPDATE feeds SET last_polled_at = ?, next_poll_at = ?, consecutive_failures = consecutive_failures + 1,
      failing_since = COALESCE(failing_since, ?), last_error = ?, status = ? WHERE id = ?`)
    .run(now, nextPollAt, now, error, status, id);
}

export function setFeedStatus(db: Db, url: string, status: FeedStatus, now: number): boolean {
  return sql(db, 'UPDATE feeds SET status = ?, consecutive_failures = 0, failing_since = NULL, next_poll_at = ? WHERE url = ?')
    .run(status, now, url).changes > 0;
}

export interface FeedEvent { readonly at: number; readonly kind: string; readonly message: string }

/** State changes (failing, recovered, dead) are kept so they can be queried later. */
export function addFeedEvent(db: Db, feedId: number, kind: string, message: string, now: number): void {
  sql(db, 'INSERT INTO feed_events (feed_id, at, kind, message) VALUES (?, ?, ?, ?)').run(feedId, now, kind, message);
}

export function feedEvents(db: Db, feedId: number): FeedEvent[] {
  return sql(db, 'SELECT at, kind, message FROM feed_events WHERE feed_id = ? ORDER BY id').all(feedId) as FeedEvent[];
}
