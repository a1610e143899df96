// Subscriptions: which channel gets which theme. Console mode subscribes one pseudo-channel to every theme.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export const CONSOLE_GUILD = 'console';
export const CONSOLE_CHANNEL = 'console';

export function ensureConsoleSubscriptions(db: Db, themeIds: readonly string[], now: number): void {
  const insert = sql(db, `INSERT OR IGNORE INTO subscriptions (guild_id, channel_id, theme_id, created_by, created_at) VALUES (?, ?, ?, 'console', ?)`);
  db.transaction(() => { for (const id of themeIds) insert.run(CONSOLE_GUILD, CONSOLE_CHANNEL, id, now); })();
}

export interface ActiveSubscription { readonly id: number; readonly themeId: string; readonly minScore: number }

export function activeSubscriptions(db: Db): ActiveSubscription[] {
  return sql(db, 'SELECT id, theme_id AS themeId, min_score AS minScore FROM subscriptions WHERE paused_reason IS NULL').all() as ActiveSubscription[];
}
