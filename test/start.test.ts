// `npm start` in console mode, as the README describes it: the default feeds loaded into an
// empty database, a first cycle at once, each new alert on stdout, one JSON log line per cycle
// on stderr, a clean stop on Ctrl-C, and bad settings refused with every key named.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
let dir: string;

beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'iw-start-'));
  server.feeds.set('start.xml', { body: rssFeed('Start News', [
    { guid: 's1', title: 'Lithuania expels three Chinese diplomats', link: 'https://start.example/1', pubDate: new Date().toUTCString() },
  ]) });
  writeFileSync(join(dir, 'feeds.txt'), `${server.base}/feeds/start.xml\n`);
});
afterAll(async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); });

const env = () => ({ ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: join(dir, 'start.db'), DEFAULT_FEEDS: join(dir, 'feeds.txt'), POLL_CRON: '0 0 1 1 *' });

describe('npm start (console mode)', () => {
  it('polls at once, prints the alert, logs the cycle, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const deadline = Date.now() + 30_000;
    const ready = () => stderr.includes('"msg":"cycle:') && stdout.includes('https://start.example/1');
    while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('🚪 Lithuania expels three Chinese diplomats');
    expect(stdout).toContain('https://start.example/1');
    const cycle = stderr.split('\n').filter((l) => l.includes('"msg":"cycle:')).map((l) => JSON.parse(l));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatchObject({ feeds: 1, ok: 1, new: 1, hits: 1 });
    expect(cycle[0].msg).toMatch(/^cycle: 1 feeds polled, 0 not modified, 0 failed, 1 new items, 1 hits, \d+ ms$/);
  }, 40_000);

  it('refuses bad settings, naming every bad key', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { env: { ...env(), POLL_CRON: 'often', ALERT_MAX_AGE: 'soon' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Interference Watch cannot start; fix these settings (see .env.example):');
    expect(run.stderr).toContain('POLL_CRON: "often" is not a cron expression');
    expect(run.stderr).toContain('ALERT_MAX_AGE: "soon" is not a duration');
  });
});
