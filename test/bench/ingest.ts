// Ingestion figure for `npm run bench`: N local feeds of 50 items each (N = 500, or BENCH_FEEDS)
// polled in one cycle into a fresh database, then a second cycle where every feed answers 304;
// prints both times and the poller's peak memory (the feeds are served by another process).

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { insertFeed } from '../../db/feeds.ts';
import { countItems } from '../../db/items.ts';
import { openDatabase } from '../../db/open.ts';
import { ensureConsoleSubscriptions } from '../../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../../db/themes.ts';
import { startClassifierThread } from '../../feeds/classifier-worker.ts';
import { createFetchFeed } from '../../feeds/fetch.ts';
import { pollOnce } from '../../feeds/poll.ts';
import { loadBuiltinThemes } from '../../feeds/themes/builtin.ts';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 500);
const ITEMS_PER_FEED = 50;

async function startFeedServer(): Promise<{ base: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./feed-server.ts', import.meta.url).pathname, String(FEEDS), String(ITEMS_PER_FEED)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { base: line, stop: () => child.kill() };
}

export async function benchIngestion(): Promise<void> {
  const server = await startFeedServer();
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-'));
  const now = Date.now();
  const themes = loadBuiltinThemes();
  const classifier = await startClassifierThread(themes);
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    upsertBuiltinThemes(db, themes, now);
    ensureConsoleSubscriptions(db, themes.map((t) => t.id), now);
    for (let f = 0; f < FEEDS; f++) insertFeed(db, `${server.base}/${f}.xml`, {}, now);
    const deps = {
      db, classifier, now: Date.now, pollIntervalMs: 0, alertMaxAgeMs: 86_400_000,
      // Every bench feed is on one local host, so the per-host limit is lifted to the global one.
      concurrency: 16, perHostConcurrency: 16,
      fetchFeed: createFetchFeed({ timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, userAgent: 'bench' }),
    };
    const first = await pollOnce(deps);
    const second = await pollOnce(deps);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(`ingestion bench: ${FEEDS} local feeds × ${ITEMS_PER_FEED} items`);
    console.log(`  first cycle: ${(first.ms / 1000).toFixed(2)} s, ${first.ok} ok, ${first.errors} failed, ${first.new} new items (${countItems(db)} stored), ${first.hits} hits`);
    console.log(`  304 cycle:   ${(second.ms / 1000).toFixed(2)} s, ${second.notModified} not modified, ${second.errors} failed`);
    console.log(`  peak memory: ${Math.round(peakMb)} MB (peak RSS of the polling process, classifier thread included)`);
    db.close();
  } finally {
    await classifier.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
