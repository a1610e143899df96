// What both the bot and the one-shot CLI commands need: the database opened and migrated, the
// built-in themes loaded and compiled, console subscriptions, and the default feeds on first start.

import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { countFeeds, insertFeed } from '../db/feeds.ts';
import { openDatabase, type Db } from '../db/open.ts';
import { ensureConsoleSubscriptions } from '../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../db/themes.ts';
import { createFetchFeed, type FetchFeed } from '../feeds/fetch.ts';
import { parseFeedList } from '../feeds/opml.ts';
import type { PollDeps } from '../feeds/poll.ts';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import type { ThemeMatcher } from '../feeds/themes/match.ts';
import type { Theme } from '../feeds/types.ts';

export interface Runtime {
  readonly db: Db;
  readonly themes: readonly Theme[];
  readonly matcher: ThemeMatcher;
  readonly fetchFeed: FetchFeed;
}

/** Adds the feeds of a list file; returns how many were new, or an error sentence. */
export function importFeedList(db: Db, path: string, now: number): { ok: true; added: number; total: number } | { ok: false; error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot read the feed list ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  const list = parseFeedList(text);
  if (!list.ok) return { ok: false, error: `${path}: ${list.error}` };
  let added = 0;
  db.transaction(() => {
    for (const f of list.feeds) if (insertFeed(db, f.url, { title: f.title ?? null, language: f.language ?? null }, now)) added++;
  })();
  return { ok: true, added, total: list.feeds.length };
}

export function openRuntime(config: Config, now: number, warn: (message: string) => void): Runtime {
  const db = openDatabase(config.databasePath);
  const selected = builtinMatcher();
  if (!selected.ok) throw new Error(selected.error);
  upsertBuiltinThemes(db, selected.themes, now);
  if (!config.discordToken) ensureConsoleSubscriptions(db, selected.themes.map((t) => t.id), now);
  if (config.defaultFeeds && countFeeds(db) === 0) {
    const imported = importFeedList(db, config.defaultFeeds, now);
    if (!imported.ok) warn(`${imported.error}; starting with no feeds (add some with "feeds add URL")`);
  }
  const fetchFeed = createFetchFeed({ timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes, maxRedirects: 5, userAgent: config.userAgent });
  return { db, themes: selected.themes, matcher: selected.matcher, fetchFeed };
}

/** What a polling cycle needs; `pollIntervalMs` is how long a healthy feed waits before it is due again. */
export function pollDeps(runtime: Runtime, config: Config, now: () => number, pollIntervalMs: number): PollDeps {
  return {
    db: runtime.db, fetchFeed: runtime.fetchFeed, matcher: runtime.matcher, now, pollIntervalMs,
    alertMaxAgeMs: config.alertMaxAgeMs, concurrency: config.pollConcurrency, perHostConcurrency: config.perHostConcurrency,
  };
}
