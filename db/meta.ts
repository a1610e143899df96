// The meta table: small named values the bot keeps between runs (the last cycle's figures,
// the hash of the registered slash commands).

import type { Db } from './open.ts';
import { sql } from './statements.ts';

export function getMeta(db: Db, key: string): string | undefined {
  return (sql(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  sql(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
