// Ingestion figure for `npm run bench`: N local feeds of 50 items each (N = 500, or BENCH_FEEDS)
// polled in one cycle into a fresh database, then a second cycle where every feed answers 304;
// prints both times and the process's peak memory.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertFeed } from '../../db/feeds.ts';
import { countItems } from '../../db/items.ts';
import { openDatabase } from '../../db/open.ts';
import { ensureConsoleSubscriptions } from '../../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../../db/themes.ts';
import { createFetchFeed } from '../../feeds/fetch.ts';
import { pollOnce } from '../../feeds/poll.ts';
import { builtinMatcher } from '../../feeds/themes/builtin-matcher.ts';
import { loadCorpus } from '../eval/corpus.ts';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 500);
const ITEMS = 50;

export async function benchIngestion(): Promise<void> {
  const corpus = loadCorpus();
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const now = Date.now();
  const feedXml = (f: number) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${f}</title>${
    Array.from({ length: ITEMS }, (_, i) => {
      const c = corpus[(f * ITEMS + i) % corpus.length]!;
      return `<item><guid>f${f}-i${i}</guid><link>https://bench.example/${f}/${i}</link><title>${esc(c.title)}</title><description>${esc(c.summary)}</description><pubDate>${new Date(now - i * 60_000).toUTCString()}</pubDate></item>`;
    }).join('')}</channel></rss>`;
  const bodies = Array.from({ length: FEEDS }, (_, f) => feedXml(f));
  const server = createServer((req, res) => {
    const f = Number(/^\/(\d+)\.xml$/.exec(req.url ?? '')?.[1]);
    if (!(f >= 0 && f < FEEDS)) return void res.writeHead(404).end();
    const etag = `"f${f}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(bodies[f]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-'));
  try {
    const selected = builtinMatcher();
    if (!selected.ok) throw new Error(selected.error);
    const db = openDatabase(join(dir, 'bench.db'));
    upsertBuiltinThemes(db, selected.themes, now);
    ensureConsoleSubscriptions(db, selected.themes.map((t) => t.id), now);
    for (let f = 0; f < FEEDS; f++) insertFeed(db, `${base}/${f}.xml`, {}, now);
    const deps = {
      db, matcher: selected.matcher, now: Date.now, pollIntervalMs: 0, alertMaxAgeMs: 86_400_000,
      // Every bench feed is on one local host, so the per-host limit is lifted to the global one.
      concurrency: 16, perHostConcurrency: 16,
      fetchFeed: createFetchFeed({ timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, userAgent: 'bench' }),
    };
    const first = await pollOnce(deps);
    const second = await pollOnce(deps);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(`ingestion bench: ${FEEDS} local feeds × ${ITEMS} items`);
    console.log(`  first cycle: ${(first.ms / 1000).toFixed(2)} s, ${first.ok} ok, ${first.errors} failed, ${first.new} new items (${countItems(db)} stored), ${first.hits} hits`);
    console.log(`  304 cycle:   ${(second.ms / 1000).toFixed(2)} s, ${second.notModified} not modified, ${second.errors} failed`);
    console.log(`  peak memory: ${Math.round(peakMb)} MB (peak RSS of the whole bench process)`);
    db.close();
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
