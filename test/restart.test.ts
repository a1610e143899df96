// A restart in the middle of a cycle loses nothing and duplicates nothing: `poll --once` is
// killed with SIGKILL while feeds are still arriving, then run again; every item is stored
// once and every alert queued once.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countItems } from '../db/items.ts';
import { openDatabase } from '../db/open.ts';
import { outboxCounts } from '../db/outbox.ts';
import { rssFeed } from './support/feed-server.ts';

const FEEDS = 30;
const ITEMS = 10;
let server: Server;
let base = '';
let slow = true;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iw-restart-'));
  const now = Date.now();
  server = createServer((req, res) => {
    const f = Number(/^\/(\d+)\.xml$/.exec(req.url ?? '')?.[1]);
    const body = rssFeed(`Feed ${f}`, Array.from({ length: ITEMS }, (_, i) => ({
      guid: `f${f}-${i}`, link: `https://restart.example/${f}/${i}`, pubDate: new Date(now - i * 60_000).toUTCString(),
      // Distinct numbers keep the feeds' expulsions distinct events (see feeds/stories/assign.ts).
      title: i === 0 ? `Country ${f + 2} expels ${f + 2} Russian diplomats` : `Ordinary news ${f}.${i}`,
    })));
    // The first run is slow from the tenth feed on, so the kill lands in the middle of the cycle.
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body), slow && f >= 10 ? 3000 : 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(join(dir, 'feeds.txt'), Array.from({ length: FEEDS }, (_, f) => `${base}/${f}.xml`).join('\n'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Items stored so far, read while the poller may be writing (WAL lets readers in). */
function storedNow(): number {
  try {
    const db = openDatabase(join(dir, 'restart.db'));
    try { return countItems(db); } finally { db.close(); }
  } catch {
    return 0;
  }
}

/** One `poll --once`; with `killMidCycle`, killed by SIGKILL once the first feeds are stored. */
function poll(killMidCycle = false): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bot/bin.js', 'poll', '--once', '--feeds', join(dir, 'feeds.txt'), '--json'], {
      env: { ...process.env, DATABASE_PATH: join(dir, 'restart.db'), DEFAULT_FEEDS: 'none', PER_HOST_CONCURRENCY: '8', POLL_CONCURRENCY: '8' },
      stdio: 'ignore',
    });
    const timer = killMidCycle ? setInterval(() => { if (storedNow() > 0) child.kill('SIGKILL'); }, 100) : undefined;
    child.on('exit', (code) => { clearInterval(timer); resolve(code); });
  });
}

describe('restart in the middle of a cycle', () => {
  it('stores every item once and queues every alert once', async () => {
    await poll(true);
    const partial = openDatabase(join(dir, 'restart.db'));
    const stored = countItems(partial);
    partial.close();
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(FEEDS * ITEMS);
    expect(stored % ITEMS).toBe(0); // whole feeds only: each is one transaction

    slow = false;
    expect(await poll()).toBe(0);
    const db = openDatabase(join(dir, 'restart.db'));
    expect(countItems(db)).toBe(FEEDS * ITEMS);
    expect(outboxCounts(db).pending).toBe(FEEDS); // one expulsion story per feed
    const perStory = db.prepare('SELECT COUNT(*) AS n FROM outbox GROUP BY story_id, subscription_id HAVING n > 1').all();
    expect(perStory).toEqual([]);
    db.close();
  }, 60_000);
});
