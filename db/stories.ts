// Stories: the event that one or more items report, with the features later reports are
// compared on (see feeds/stories/assign.ts).

import type { Db } from './open.ts';
import { sql } from './statements.ts';
import { storyKeys, type StoryCandidate } from '../feeds/stories/assign.ts';
import type { StoryFeatures } from '../feeds/stories/features.ts';

const CANDIDATE_COLUMNS = 's.id, s.themes, s.countries, s.numbers, s.names, s.first_published_at, s.last_published_at';

interface StoryRow { id: number; themes: string; countries: string; numbers: string; names: string; first_published_at: number; last_published_at: number }

const toCandidate = (r: StoryRow): StoryCandidate => ({
  id: r.id, themes: JSON.parse(r.themes) as string[], countries: JSON.parse(r.countries) as string[], numbers: JSON.parse(r.numbers) as string[],
  names: JSON.parse(r.names) as string[], publishedAt: r.first_published_at, firstAt: r.first_published_at, lastAt: r.last_published_at,
});

function addKeys(db: Db, storyId: number, f: Pick<StoryFeatures, 'numbers' | 'names'>): void {
  const insert = sql(db, 'INSERT OR IGNORE INTO story_keys (key, story_id) VALUES (?, ?)');
  for (const key of storyKeys(f)) insert.run(key, storyId);
}

export function createStory(db: Db, firstItemId: number, title: string, f: StoryFeatures, now: number): number {
  const id = Number(sql(db, `INSERT INTO stories (first_item_id, title, themes, countries, numbers, names, first_seen_at, last_seen_at, first_published_at, last_published_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(firstItemId, title, JSON.stringify(f.themes), JSON.stringify(f.countries), JSON.stringify(f.numbers), JSON.stringify(f.names), now, now, f.publishedAt, f.publishedAt)
    .lastInsertRowid);
  addKeys(db, id, f);
  return id;
}

/** The story of an item with the very same text published since, if any: a syndicated copy. */
export function sameTextStory(db: Db, contentHash: string, exceptItemId: number, since: number): StoryCandidate | undefined {
  const row = sql(db, `SELECT ${CANDIDATE_COLUMNS}
      FROM items i JOIN stories s ON s.id = i.story_id
      WHERE i.content_hash = ? AND i.id <> ? AND s.last_published_at >= ? LIMIT 1`).get(contentHash, exceptItemId, since) as StoryRow | undefined;
  return row ? toCandidate(row) : undefined;
}

/**
 * Recent stories sharing at least one key with the report, those sharing the most first (the
 * likeliest matches), at most `limit`.
 */
export function candidateStories(db: Db, keys: readonly string[], since: number, limit: number): StoryCandidate[] {
  if (keys.length === 0) return [];
  return (sql(db, `SELECT ${CANDIDATE_COLUMNS}
      FROM (SELECT story_id, COUNT(*) AS shared FROM story_keys WHERE key IN (SELECT value FROM json_each(?)) GROUP BY story_id) m
      JOIN stories s ON s.id = m.story_id
      WHERE s.last_published_at >= ?
      ORDER BY m.shared DESC, s.last_published_at DESC LIMIT ?`).all(JSON.stringify(keys), since, limit) as StoryRow[]).map(toCandidate);
}

/** Records that one more report joined: the merged features and times. */
export function updateStory(db: Db, story: StoryCandidate, now: number): void {
  sql(db, `UPDATE stories SET themes = ?, countries = ?, numbers = ?, names = ?, first_published_at = ?, last_published_at = ?, last_seen_at = ? WHERE id = ?`)
    .run(JSON.stringify(story.themes), JSON.stringify(story.countries), JSON.stringify(story.numbers), JSON.stringify(story.names), story.firstAt, story.lastAt, now, story.id);
  addKeys(db, story.id, story);
}

/** One outlet's report of a story. */
export interface StoryReport {
  readonly itemId: number;
  readonly title: string;
  readonly source: string;
  readonly language: string | null;
  readonly link: string;
  readonly publishedAt: number;
  readonly countries: readonly string[];
}

/** Every report of a story, first published first. */
export function storyReports(db: Db, storyId: number): StoryReport[] {
  return (sql(db, `SELECT id AS itemId, title, source, language, link, published_at AS publishedAt, countries FROM items
      WHERE story_id = ? ORDER BY published_at, id`).all(storyId) as (Omit<StoryReport, 'countries'> & { countries: string })[])
    .map((r) => ({ ...r, countries: JSON.parse(r.countries) as string[] }));
}

export interface StoryInfo { readonly id: number; readonly title: string; readonly themes: readonly string[]; readonly countries: readonly string[]; readonly firstAt: number; readonly lastAt: number }

export function getStory(db: Db, id: number): StoryInfo | undefined {
  const r = sql(db, 'SELECT id, title, themes, countries, first_published_at AS firstAt, last_published_at AS lastAt FROM stories WHERE id = ?').get(id) as
    (Omit<StoryInfo, 'themes' | 'countries'> & { themes: string; countries: string }) | undefined;
  return r ? { ...r, themes: JSON.parse(r.themes) as string[], countries: JSON.parse(r.countries) as string[] } : undefined;
}
