// Subscriptions: which channel gets which theme, with its filters and mode. Console mode
// subscribes one pseudo-channel to every theme.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export const CONSOLE_GUILD = 'console';
export const CONSOLE_CHANNEL = 'console';

export type DeliveryMode = 'instant' | 'hourly' | 'daily';

export interface Subscription {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  readonly themeId: string;
  readonly minScore: number;
  /** ISO 639-1 codes; empty: every language. */
  readonly languages: readonly string[];
  /** ISO 3166-1 alpha-2 codes; empty: stories involving any country, or none. */
  readonly countries: readonly string[];
  readonly mode: DeliveryMode;
  /** Why delivery stopped (channel deleted, access removed); null while it runs. */
  readonly pausedReason: string | null;
  readonly createdAt: number;
}

interface Row { id: number; guild_id: string; channel_id: string; theme_id: string; min_score: number; languages: string; countries: string; mode: DeliveryMode; paused_reason: string | null; created_at: number }

function toSubscription(r: Row): Subscription {
  return {
    id: r.id, guildId: r.guild_id, channelId: r.channel_id, themeId: r.theme_id, minScore: r.min_score,
    languages: JSON.parse(r.languages) as string[], countries: JSON.parse(r.countries) as string[], mode: r.mode, pausedReason: r.paused_reason, createdAt: r.created_at,
  };
}

export function ensureConsoleSubscriptions(db: Db, themeIds: readonly string[], now: number): void {
  const insert = sql(db, `INSERT OR IGNORE INTO subscriptions (guild_id, channel_id, theme_id, created_by, created_at) VALUES (?, ?, ?, 'console', ?)`);
  db.transaction(() => { for (const id of themeIds) insert.run(CONSOLE_GUILD, CONSOLE_CHANNEL, id, now); })();
}

/** Discord mode has no terminal: the console's pseudo-channel would only collect 404s. */
export function removeConsoleSubscriptions(db: Db): void {
  sql(db, 'DELETE FROM subscriptions WHERE guild_id = ?').run(CONSOLE_GUILD);
}

/** Subscribes a channel, or changes its filters; either way delivery (re)starts. */
export function subscribe(
  db: Db, s: { guildId: string; channelId: string; themeId: string; minScore: number; languages: readonly string[]; countries?: readonly string[]; mode: DeliveryMode; createdBy: string },
  now: number,
): 'created' | 'updated' {
  const existed = sql(db, 'SELECT 1 FROM subscriptions WHERE channel_id = ? AND theme_id = ?').get(s.channelId, s.themeId) !== undefined;
  sql(db, `INSERT INTO subscriptions (guild_id, channel_id, theme_id, min_score, languages, countries, mode, created_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (channel_id, theme_id) DO UPDATE SET min_score = excluded.min_score, languages = excluded.languages,
        countries = excluded.countries, mode = excluded.mode, paused_reason = NULL`)
    .run(s.guildId, s.channelId, s.themeId, s.minScore, JSON.stringify(s.languages), JSON.stringify(s.countries ?? []), s.mode, s.createdBy, now);
  // A paused channel is open again: every subscription there resumes, not only this one.
  sql(db, 'UPDATE subscriptions SET paused_reason = NULL WHERE channel_id = ?').run(s.channelId);
  return existed ? 'updated' : 'created';
}

export function unsubscribe(db: Db, channelId: string, themeId: string): boolean {
  return sql(db, 'DELETE FROM subscriptions WHERE channel_id = ? AND theme_id = ?').run(channelId, themeId).changes > 0;
}

export function channelSubscriptions(db: Db, channelId: string): Subscription[] {
  return (sql(db, 'SELECT * FROM subscriptions WHERE channel_id = ? ORDER BY theme_id').all(channelId) as Row[]).map(toSubscription);
}

export function guildSubscriptions(db: Db, guildId: string): Subscription[] {
  return (sql(db, 'SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY channel_id, theme_id').all(guildId) as Row[]).map(toSubscription);
}

export function pausedSubscriptions(db: Db): Subscription[] {
  return (sql(db, 'SELECT * FROM subscriptions WHERE paused_reason IS NOT NULL ORDER BY guild_id, channel_id').all() as Row[]).map(toSubscription);
}

export interface ActiveSubscription {
  readonly id: number; readonly themeId: string; readonly minScore: number; readonly languages: readonly string[]; readonly countries: readonly string[];
}

export function activeSubscriptions(db: Db): ActiveSubscription[] {
  return (sql(db, 'SELECT id, theme_id AS themeId, min_score AS minScore, languages, countries FROM subscriptions WHERE paused_reason IS NULL')
    .all() as { id: number; themeId: string; minScore: number; languages: string; countries: string }[])
    .map((r) => ({ ...r, languages: JSON.parse(r.languages) as string[], countries: JSON.parse(r.countries) as string[] }));
}

/** Stops delivery to a channel the bot can no longer post in; /subscribe there resumes it. */
export function pauseChannel(db: Db, channelId: string, reason: string): void {
  sql(db, 'UPDATE subscriptions SET paused_reason = ? WHERE channel_id = ? AND paused_reason IS NULL').run(reason, channelId);
}
