// The outbox: one row per (subscription, story) to deliver, written in the same transaction as
// the item. Rows are planned into messages (a nonce written on them) before anything is posted,
// and marked sent only after Discord accepted the message.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export function enqueueAlert(db: Db, subscriptionId: number, storyId: number, itemId: number, now: number): boolean {
  return sql(db, 'INSERT OR IGNORE INTO outbox (subscription_id, story_id, item_id, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(subscriptionId, storyId, itemId, now, now).changes > 0;
}

export interface PendingAlert {
  readonly id: number;
  readonly storyId: number;
  readonly itemId: number;
  readonly subscriptionId: number;
  readonly channelId: string;
  readonly themeId: string;
  readonly title: string;
  readonly summary: string;
  readonly link: string;
  readonly source: string;
  readonly language: string | null;
  readonly publishedAt: number;
  readonly terms: readonly string[];
  readonly score: number;
  readonly attempts: number;
  /** Set once the row is planned into a message; the same nonce goes with every retry. */
  readonly nonce: string | null;
  /** Countries the alerted item names, ISO codes. */
  readonly countries: readonly string[];
}

type Row = Omit<PendingAlert, 'terms' | 'score' | 'countries'> & { terms: string | null; score: number | null; countries: string };

const SELECT = `SELECT o.id, o.story_id AS storyId, o.item_id AS itemId, o.subscription_id AS subscriptionId, s.channel_id AS channelId, s.theme_id AS themeId,
    i.title, i.summary, i.link, i.source, i.language, i.published_at AS publishedAt, i.countries, h.terms, h.score, o.attempts, o.nonce
  FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id JOIN items i ON i.id = o.item_id
  LEFT JOIN hits h ON h.item_id = o.item_id AND h.theme_id = s.theme_id`;

function toAlert(r: Row): PendingAlert {
  return { ...r, terms: r.terms ? (JSON.parse(r.terms) as string[]) : [], score: r.score ?? 0, countries: JSON.parse(r.countries) as string[] };
}

/** Pending rows of instant, unpaused subscriptions whose time has come, oldest first. */
export function dueAlerts(db: Db, now: number, limit: number): PendingAlert[] {
  return (sql(db, `${SELECT} WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND s.paused_reason IS NULL AND s.mode = 'instant'
      ORDER BY o.id LIMIT ?`).all(now, limit) as Row[]).map(toAlert);
}

/** Pending rows of a digest mode's subscriptions, oldest first: what the next digest holds. */
export function digestAlerts(db: Db, mode: 'hourly' | 'daily', now: number): PendingAlert[] {
  return (sql(db, `${SELECT} WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND s.paused_reason IS NULL AND s.mode = ?
      ORDER BY s.channel_id, o.id`).all(now, mode) as Row[]).map(toAlert);
}

/**
 * Another outlet reported a story already posted: its messages are to be edited to say so.
 * A pending row needs nothing, since it will be rendered with every report when it goes out.
 */
export function markStoryGrew(db: Db, storyId: number): void {
  sql(db, "UPDATE outbox SET edit_pending = 1 WHERE story_id = ? AND status = 'sent' AND message_id IS NOT NULL").run(storyId);
}

/** Posted messages to edit because their stories have new reports: channel and message id. */
export function messagesToEdit(db: Db, limit: number): { channelId: string; messageId: string }[] {
  return sql(db, `SELECT DISTINCT s.channel_id AS channelId, o.message_id AS messageId FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
      WHERE o.edit_pending = 1 LIMIT ?`).all(limit) as { channelId: string; messageId: string }[];
}

/** The rows a posted message carries, to render it again. */
export function alertsOfMessage(db: Db, messageId: string): PendingAlert[] {
  return (sql(db, `${SELECT} WHERE o.message_id = ? AND o.status = 'sent' ORDER BY o.id`).all(messageId) as Row[]).map(toAlert);
}

export function clearEdit(db: Db, messageId: string): void {
  sql(db, 'UPDATE outbox SET edit_pending = 0 WHERE message_id = ?').run(messageId);
}

/** Every still-pending row of a message planned before, whatever its retry time. */
export function plannedAlerts(db: Db, nonce: string): PendingAlert[] {
  return (sql(db, `${SELECT} WHERE o.nonce = ? AND o.status = 'pending' ORDER BY o.id`).all(nonce) as Row[]).map(toAlert);
}

/** Records which rows one message carries, before it is posted. */
export function planMessage(db: Db, ids: readonly number[], nonce: string): void {
  const set = sql(db, 'UPDATE outbox SET nonce = ? WHERE id = ?');
  db.transaction(() => { for (const id of ids) set.run(nonce, id); })();
}

export function markSent(db: Db, id: number, messageId: string | null, now: number): void {
  sql(db, "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1 WHERE id = ?").run(messageId, now, id);
}

export function markRetry(db: Db, id: number, error: string, nextAttemptAt: number): void {
  sql(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?').run(error, nextAttemptAt, id);
}

/** Gives up on a row that can never be delivered (its channel is gone or closed to the bot). */
export function markFailed(db: Db, id: number, error: string): void {
  sql(db, "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?").run(error, id);
}

export function outboxCounts(db: Db): { pending: number; sent: number; failed: number } {
  const r = sql(db, "SELECT SUM(status = 'pending') AS pending, SUM(status = 'sent') AS sent, SUM(status = 'failed') AS failed FROM outbox").get() as Record<string, number | null>;
  return { pending: r.pending ?? 0, sent: r.sent ?? 0, failed: r.failed ?? 0 };
}
