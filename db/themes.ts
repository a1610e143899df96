// Themes: the built-in ones loaded from their files at start-up (updated in place), custom ones later.

import type { Db } from './open.ts';
import { sql } from './statements.ts';
import type { Theme } from '../feeds/types.ts';

export function upsertBuiltinThemes(db: Db, themes: readonly Theme[], now: number): void {
  const upsert = sql(db, `INSERT INTO themes (id, name, description, query, threshold, colour, emoji, guild_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, query = excluded.query,
        threshold = excluded.threshold, colour = excluded.colour, emoji = excluded.emoji`);
  db.transaction(() => {
    for (const t of themes) upsert.run(t.id, t.name, t.description, t.query, t.threshold, t.colour, t.emoji, now);
  })();
}
