// A polling cycle against the local feed server and a real SQLite file: storage, matching,
// alerts only for recent items, conditional GET, dedupe across feeds, backoff, dead feeds,
// and a failure in the middle of a feed that loses and duplicates nothing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedEvents, getFeed, insertFeed } from '../db/feeds.ts';
import { countHits } from '../db/hits.ts';
import { countItems } from '../db/items.ts';
import { openDatabase, type Db } from '../db/open.ts';
import { outboxCounts } from '../db/outbox.ts';
import { ensureConsoleSubscriptions } from '../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../db/themes.ts';
import { createFetchFeed } from '../feeds/fetch.ts';
import { pollOnce, type PollDeps } from '../feeds/poll.ts';
import { inlineClassifier, type Classifier } from '../feeds/classify.ts';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;
const selected = builtinMatcher();
if (!selected.ok) throw new Error(selected.error);
const classifier = inlineClassifier(selected.matcher);

let server: FeedServer;
let dir: string;
let db: Db;
let clock = NOW;

beforeAll(async () => { server = await startFeedServer(); });
afterAll(async () => { await server.close(); });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iw-poll-'));
  db = openDatabase(join(dir, 'watch.db'));
  upsertBuiltinThemes(db, selected.themes, NOW);
  ensureConsoleSubscriptions(db, selected.themes.map((t) => t.id), NOW);
  clock = NOW;
  return () => { db.close(); rmSync(dir, { recursive: true, force: true }); };
});

function deps(overrides: Partial<PollDeps> = {}): PollDeps {
  return {
    db, classifier, now: () => clock, pollIntervalMs: 5 * 60_000, alertMaxAgeMs: 24 * HOUR, concurrency: 4, perHostConcurrency: 2,
    fetchFeed: createFetchFeed({ timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'test' }),
    ...overrides,
  };
}

const date = (ms: number) => new Date(ms).toUTCString();

describe('pollOnce', () => {
  it('stores and matches every item, but alerts only on recent ones', async () => {
    server.feeds.set('a.xml', {
      etag: '"a1"',
      body: rssFeed('Agency A', [
        { guid: 'a1', title: 'Belgium expels 21 Russian diplomats', link: 'https://a.example/1', pubDate: date(NOW - HOUR) },
        { guid: 'a2', title: 'Hackers hit hospital with ransomware attack', link: 'https://a.example/2', pubDate: date(NOW - 3 * 24 * HOUR) },
        { guid: 'a3', title: 'Local bakery wins prize', link: 'https://a.example/3', pubDate: date(NOW - HOUR) },
      ]),
    });
    insertFeed(db, `${server.base}/feeds/a.xml`, {}, NOW);
    const report = await pollOnce(deps());
    expect(report).toMatchObject({ feeds: 1, ok: 1, errors: 0, items: 3, new: 3, hits: 2, alerts: 1 });
    expect(countItems(db)).toBe(3);
    expect(outboxCounts(db).pending).toBe(1);
    expect(getFeed(db, `${server.base}/feeds/a.xml`)).toMatchObject({ etag: '"a1"', title: 'Agency A', nextPollAt: NOW + 5 * 60_000 });

    clock += 5 * 60_000;
    const second = await pollOnce(deps());
    expect(second).toMatchObject({ feeds: 1, notModified: 1, new: 0 });
    expect(countItems(db)).toBe(3);
  });

  it('treats the same article from two feeds as one item', async () => {
    const item = { guid: 'x', title: 'Poland closes Russian consulate in Gdansk', link: 'https://news.example/consulate?utm_source=rss', pubDate: date(NOW) };
    server.feeds.set('b1.xml', { body: rssFeed('B1', [item]) });
    server.feeds.set('b2.xml', { body: rssFeed('B2', [{ ...item, guid: 'other-guid', link: 'https://news.example/consulate#top' }]) });
    insertFeed(db, `${server.base}/feeds/b1.xml`, {}, NOW);
    insertFeed(db, `${server.base}/feeds/b2.xml`, {}, NOW);
    const report = await pollOnce(deps());
    expect(report.new).toBe(1);
    expect(countItems(db)).toBe(1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM item_sources').get() as { n: number }).n).toBe(1);
  });

  it('backs off a failing feed, keeps polling the others, and marks it dead after 3 days', async () => {
    server.feeds.set('ok.xml', { body: rssFeed('OK', [{ guid: '1', title: 'Quiet day' }]) });
    insertFeed(db, `${server.base}/feeds/ok.xml`, {}, NOW);
    insertFeed(db, `${server.base}/missing.xml`, {}, NOW);
    const report = await pollOnce(deps());
    expect(report).toMatchObject({ feeds: 2, ok: 1, errors: 1 });
    const failing = report.outcomes.find((o) => o.status === 'error')!;
    expect(failing.error).toBe(`feed ${server.base}/missing.xml returned HTTP 404; next try in 5 min`);
    let feed = getFeed(db, `${server.base}/missing.xml`)!;
    expect(feed).toMatchObject({ consecutiveFailures: 1, nextPollAt: NOW + 5 * 60_000, status: 'active' });

    clock = feed.nextPollAt;
    await pollOnce(deps());
    feed = getFeed(db, `${server.base}/missing.xml`)!;
    expect(feed.nextPollAt - clock).toBe(10 * 60_000);

    clock = NOW + 3 * 24 * HOUR;
    db.prepare('UPDATE feeds SET next_poll_at = 0 WHERE url = ?').run(feed.url);
    await pollOnce(deps());
    feed = getFeed(db, `${server.base}/missing.xml`)!;
    expect(feed.status).toBe('dead');
    expect(feedEvents(db, feed.id).map((e) => e.kind)).toEqual(['failing', 'dead']);
    const after = await pollOnce(deps({ now: () => clock + 365 * 24 * HOUR }));
    expect(after.outcomes.map((o) => o.url)).not.toContain(feed.url);
  });

  it('loses and duplicates nothing when a feed fails half-way through storing', async () => {
    server.feeds.set('c.xml', {
      body: rssFeed('C', [
        { guid: 'c1', title: 'Estonia expels Russian ambassador', pubDate: date(NOW) },
        { guid: 'c2', title: 'Latvia follows and expels Russian envoy', pubDate: date(NOW) },
      ]),
    });
    insertFeed(db, `${server.base}/feeds/c.xml`, {}, NOW);
    // The second item's hit names a theme that does not exist: its insert fails mid-transaction.
    const crashing: Classifier = {
      ...classifier,
      classify: async (items) => (await classifier.classify(items)).map((c, i) => (i === 1 ? { ...c, hits: [{ ...c.hits[0]!, themeId: 'gone' }] } : c)),
    };
    const crashed = await pollOnce(deps({ classifier: crashing }));
    expect(crashed.errors).toBe(1);
    expect(countItems(db)).toBe(0);
    expect(outboxCounts(db).pending).toBe(0);

    db.prepare('UPDATE feeds SET next_poll_at = 0').run();
    const retried = await pollOnce(deps());
    expect(retried).toMatchObject({ new: 2, alerts: 2 });
    db.prepare('UPDATE feeds SET next_poll_at = 0, etag = NULL').run();
    await pollOnce(deps());
    expect(countItems(db)).toBe(2);
    expect(countHits(db)).toBe(2);
    expect(outboxCounts(db).pending).toBe(2);
  });
});
