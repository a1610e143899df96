// Feeds by health, for /status.

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export interface FeedHealth { readonly ok: number; readonly failing: number; readonly dead: number; readonly disabled: number }

export function feedHealth(db: Db): FeedHealth {
  const r = sql(db, `SELECT SUM(status = 'active' AND consecutive_failures = 0) AS ok, SUM(status = 'active' AND consecutive_failures > 0) AS failing,
      SUM(status = 'dead') AS dead, SUM(status = 'disabled') AS disabled FROM feeds`).get() as Record<keyof FeedHealth, number | null>;
  return { ok: r.ok ?? 0, failing: r.failing ?? 0, dead: r.dead ?? 0, disabled: r.disabled ?? 0 };
}
