// What both the bot and the one-shot CLI commands need: the database opened and migrated, the
// built-in themes loaded, console subscriptions, the default feeds on first start, and the
// classifier thread, started only by what polls.

import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { countFeeds, insertFeed } from '../db/feeds.ts';
import { openDatabase, type Db } from '../db/open.ts';
import { ensureConsoleSubscriptions, removeConsoleSubscriptions } from '../db/subscriptions.ts';
import { allThemes, upsertBuiltinThemes } from '../db/themes.ts';
import { createFetchFeed, type FetchFeed } from '../feeds/fetch.ts';
import { parseFeedList } from '../feeds/opml.ts';
import type { Classifier } from '../feeds/classify.ts';
import { startClassifierThread } from '../feeds/classifier-worker.ts';
import type { PollDeps } from '../feeds/poll.ts';
import { loadBuiltinThemes } from '../feeds/themes/builtin.ts';
import type { Theme } from '../feeds/types.ts';

export interface Runtime {
  readonly db: Db;
  readonly themes: readonly Theme[];
  readonly fetchFeed: FetchFeed;
  /** The classifier thread, started on first use (it costs ~200 MB and a second to start). */
  classifier(): Promise<Classifier>;
  /** Stops the classifier thread if it runs, and closes the database. */
  close(): Promise<void>;
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
  const themes = loadBuiltinThemes();
  upsertBuiltinThemes(db, themes, now);
  if (config.discordToken) removeConsoleSubscriptions(db);
  else ensureConsoleSubscriptions(db, themes.map((t) => t.id), now);
  if (config.defaultFeeds && countFeeds(db) === 0) {
    const imported = importFeedList(db, config.defaultFeeds, now);
    if (!imported.ok) warn(`${imported.error}; starting with no feeds (add some with "feeds add URL")`);
  }
  const fetchFeed = createFetchFeed({ timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes, maxRedirects: 5, userAgent: config.userAgent });
  let classifier: Promise<Classifier> | undefined;
  return {
    db, themes, fetchFeed,
    // Custom themes of every server are matched too: they are stored beside the built-in ones.
    classifier: () => (classifier ??= startClassifierThread(allThemes(db))),
    close: async () => {
      try {
        if (classifier) await (await classifier).close();
      } finally {
        db.close();
      }
    },
  };
}

/** What a polling cycle needs; `pollIntervalMs` is how long a healthy feed waits before it is due again. */
export async function pollDeps(runtime: Runtime, config: Config, now: () => number, pollIntervalMs: number): Promise<PollDeps> {
  return {
    db: runtime.db, fetchFeed: runtime.fetchFeed, classifier: await runtime.classifier(), now, pollIntervalMs,
    alertMaxAgeMs: config.alertMaxAgeMs, concurrency: config.pollConcurrency, perHostConcurrency: config.perHostConcurrency,
  };
}
