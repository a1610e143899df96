// One polling cycle: every due feed fetched (several at a time, a few per host), parsed,
// ingested in its own transaction, and its health recorded. One bad feed never stops the rest.

import { addFeedEvent, dueFeeds, recordFeedFailure, recordFeedSuccess, type Feed } from '../db/feeds.ts';
import type { Db } from '../db/open.ts';
import { describeDelay, failureDelayMs, isDead } from './backoff.ts';
import type { Classifier } from './classify.ts';
import type { FetchFeed } from './fetch.ts';
import { classifyNew, ingestItems } from './ingest.ts';
import { hostOf } from './parse/links.ts';
import { parseFeedBytes } from './parse/parse-feed.ts';

export interface PollDeps {
  readonly db: Db;
  readonly fetchFeed: FetchFeed;
  readonly classifier: Classifier;
  readonly now: () => number;
  readonly pollIntervalMs: number;
  readonly alertMaxAgeMs: number;
  readonly concurrency: number;
  readonly perHostConcurrency: number;
  /** Told of every feed state change (failing, recovered, dead), for the log. */
  readonly onEvent?: (feed: Feed, kind: string, message: string) => void;
}

export interface FeedOutcome {
  readonly url: string;
  readonly status: 'ok' | 'not-modified' | 'error';
  readonly items: number;
  readonly new: number;
  readonly hits: number;
  readonly error?: string;
}

export interface CycleReport {
  readonly feeds: number;
  readonly ok: number;
  readonly notModified: number;
  readonly errors: number;
  readonly items: number;
  readonly new: number;
  readonly hits: number;
  readonly alerts: number;
  readonly ms: number;
  readonly outcomes: readonly FeedOutcome[];
}

function event(deps: PollDeps, feed: Feed, kind: string, message: string): void {
  addFeedEvent(deps.db, feed.id, kind, message, deps.now());
  deps.onEvent?.(feed, kind, message);
}

function fail(deps: PollDeps, feed: Feed, error: string, retryAfterMs?: number): FeedOutcome {
  const now = deps.now();
  const failures = feed.consecutiveFailures + 1;
  const failingSince = feed.failingSince ?? now;
  const dead = isDead(failingSince, now);
  const delay = failureDelayMs(failures, retryAfterMs);
  const message = dead
    ? `${error}; failing for 3 days, marked dead (re-enable it to poll again)`
    : `${error}; next try in ${describeDelay(delay)}`;
  recordFeedFailure(deps.db, feed.id, error, now, now + delay, dead ? 'dead' : 'active');
  if (dead) event(deps, feed, 'dead', message);
  else if (failures === 1) event(deps, feed, 'failing', message);
  return { url: feed.url, status: 'error', items: 0, new: 0, hits: 0, error: message };
}

async function pollFeed(deps: PollDeps, feed: Feed): Promise<FeedOutcome & { alerts: number }> {
  const fetched = await deps.fetchFeed({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified });
  if (fetched.status === 'error') return { ...fail(deps, feed, fetched.error, fetched.retryAfterMs), alerts: 0 };
  const now = deps.now();
  const recovered = () => { if (feed.consecutiveFailures > 0) event(deps, feed, 'recovered', `feed ${feed.url} answers again`); };
  if (fetched.status === 'not-modified') {
    recordFeedSuccess(deps.db, feed.id, {}, now, now + deps.pollIntervalMs);
    recovered();
    return { url: feed.url, status: 'not-modified', items: 0, new: 0, hits: 0, alerts: 0 };
  }
  const parsed = await parseFeedBytes(fetched.body, fetched.charset, { fetchedAt: new Date(now), url: fetched.finalUrl, detectLanguages: false });
  if (!parsed.ok) return { ...fail(deps, feed, `feed ${feed.url}: ${parsed.error}`), alerts: 0 };
  const classified = await classifyNew(deps.db, feed.id, parsed.feed.items, deps.classifier);
  const result = ingestItems(deps.db, feed.id, parsed.feed.items, classified, now, deps.alertMaxAgeMs);
  recordFeedSuccess(deps.db, feed.id, { etag: fetched.etag, lastModified: fetched.lastModified, title: parsed.feed.title, language: parsed.feed.language }, now, now + deps.pollIntervalMs);
  recovered();
  return { url: feed.url, status: 'ok', items: parsed.feed.items.length, new: result.newItems, hits: result.hits, alerts: result.alerts };
}

/** Runs tasks with a global limit and a limit per host, in order of the queue. */
async function runLimited<T>(feeds: readonly Feed[], limit: number, perHost: number, task: (f: Feed) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(feeds.length);
  const waiting = feeds.map((f, i) => ({ f, i }));
  const active = new Map<string, number>();
  let running = 0;
  return new Promise((resolve, reject) => {
    const launch = () => {
      if (waiting.length === 0 && running === 0) return resolve(results);
      for (let k = 0; k < waiting.length && running < limit; ) {
        const { f, i } = waiting[k]!;
        const host = hostOf(f.url, f.url);
        if ((active.get(host) ?? 0) >= perHost) { k++; continue; }
        waiting.splice(k, 1);
        running++;
        active.set(host, (active.get(host) ?? 0) + 1);
        task(f).then((r) => { results[i] = r; }, reject).finally(() => {
          running--;
          active.set(host, active.get(host)! - 1);
          launch();
        });
      }
    };
    launch();
  });
}

export async function pollOnce(deps: PollDeps): Promise<CycleReport> {
  const started = deps.now();
  const feeds = dueFeeds(deps.db, started);
  const outcomes = await runLimited(feeds, deps.concurrency, deps.perHostConcurrency, async (feed) => {
    try {
      return await pollFeed(deps, feed);
    } catch (e) {
      // A bug while handling one feed is recorded against it; the cycle goes on.
      return { ...fail(deps, feed, `feed ${feed.url}: internal error ${(e as Error).message}`), alerts: 0 };
    }
  });
  const sum = (f: (o: FeedOutcome & { alerts: number }) => number) => outcomes.reduce((s, o) => s + f(o), 0);
  return {
    feeds: outcomes.length,
    ok: outcomes.filter((o) => o.status === 'ok').length,
    notModified: outcomes.filter((o) => o.status === 'not-modified').length,
    errors: outcomes.filter((o) => o.status === 'error').length,
    items: sum((o) => o.items),
    new: sum((o) => o.new),
    hits: sum((o) => o.hits),
    alerts: sum((o) => o.alerts),
    ms: deps.now() - started,
    outcomes: outcomes.map(({ alerts: _alerts, ...o }) => o),
  };
}
