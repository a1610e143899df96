// The outbox: one row per (subscription, story) to deliver, written in the same transaction as
// the item, and marked sent only after the sink accepted it.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export function enqueueAlert(db: Db, subscriptionId: number, storyId: number, itemId: number, now: number): boolean {
  return sql(db, 'INSERT OR IGNORE INTO outbox (subscription_id, story_id, item_id, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(subscriptionId, storyId, itemId, now, now).changes > 0;
}

export interface PendingAlert {
  readonly id: number;
  readonly storyId: number;
  readonly channelId: string;
  readonly themeId: string;
  readonly title: string;
  readonly link: string;
  readonly source: string;
  readonly language: string | null;
  readonly publishedAt: number;
  readonly terms: readonly string[];
  readonly score: number;
  readonly attempts: number;
}

export function dueAlerts(db: Db, now: number, limit: number): PendingAlert[] {
  const rows = sql(db, `SELECT o.id, o.story_id AS storyId, s.channel_id AS channelId, s.theme_id AS themeId, i.title, i.link, i.source, i.language,
        i.published_at AS publishedAt, h.terms, h.score, o.attempts
      FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id JOIN items i ON i.id = o.item_id
      LEFT JOIN hits h ON h.item_id = o.item_id AND h.theme_id = s.theme_id
      WHERE o.status = 'pending' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?`).all(now, limit) as (Omit<PendingAlert, 'terms' | 'score'> & { terms: string | null; score: number | null })[];
  return rows.map((r) => ({ ...r, terms: r.terms ? (JSON.parse(r.terms) as string[]) : [], score: r.score ?? 0 }));
}

export function markSent(db: Db, id: number, messageId: string | null, now: number): void {
  sql(db, "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1 WHERE id = ?").run(messageId, now, id);
}

export function markRetry(db: Db, id: number, error: string, nextAttemptAt: number): void {
  sql(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?').run(error, nextAttemptAt, id);
}

export function outboxCounts(db: Db): { pending: number; sent: number } {
  const r = sql(db, "SELECT SUM(status = 'pending') AS pending, SUM(status = 'sent') AS sent FROM outbox").get() as { pending: number | null; sent: number | null };
  return { pending: r.pending ?? 0, sent: r.sent ?? 0 };
}
