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

interface ThemeRow { id: string; name: string; description: string; query: string; threshold: number; colour: number; emoji: string; guild_id: string | null }

/** A stored theme; `guildId` null for a built-in one. */
export type StoredTheme = Theme & { readonly guildId: string | null };

const toTheme = (r: ThemeRow): StoredTheme => ({
  id: r.id, name: r.name, description: r.description, query: r.query, threshold: r.threshold, colour: r.colour, emoji: r.emoji, guildId: r.guild_id,
});

/** The built-in themes and, with a server id, that server's own. */
export function listThemes(db: Db, guildId?: string): StoredTheme[] {
  return (sql(db, 'SELECT * FROM themes WHERE guild_id IS NULL OR guild_id = ? ORDER BY guild_id IS NOT NULL, id').all(guildId ?? null) as ThemeRow[]).map(toTheme);
}

/** Every theme of every server: what the classifier matches. */
export function allThemes(db: Db): StoredTheme[] {
  return (sql(db, 'SELECT * FROM themes ORDER BY id').all() as ThemeRow[]).map(toTheme);
}

/** Items that hit each theme since a time, for /themes. */
export function themeHitCounts(db: Db, sinceMs: number): Map<string, number> {
  const rows = sql(db, `SELECT h.theme_id AS themeId, COUNT(*) AS n FROM hits h JOIN items i ON i.id = h.item_id
      WHERE i.published_at >= ? GROUP BY h.theme_id`).all(sinceMs) as { themeId: string; n: number }[];
  return new Map(rows.map((r) => [r.themeId, r.n]));
}

/** Saves a server's theme; false when the server already has one with that id. */
export function insertCustomTheme(db: Db, theme: Theme, guildId: string, createdBy: string, now: number): boolean {
  return sql(db, `INSERT OR IGNORE INTO themes (id, name, description, query, threshold, colour, emoji, guild_id, created_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(theme.id, theme.name, theme.description, theme.query, theme.threshold, theme.colour, theme.emoji, guildId, createdBy, now).changes > 0;
}

/** Deletes a server's own theme, with its hits and subscriptions; built-in themes cannot be. */
export function deleteCustomTheme(db: Db, guildId: string, themeId: string): boolean {
  return sql(db, 'DELETE FROM themes WHERE id = ? AND guild_id = ?').run(themeId, guildId).changes > 0;
}

export function countGuildThemes(db: Db, guildId: string): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM themes WHERE guild_id = ?').get(guildId) as { n: number }).n;
}
