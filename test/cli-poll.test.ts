// `poll --once`: one cycle over a feed list file against the local server; JSON lines per feed
// and a summary; alerts printed for people; exit 0 whatever the feeds did.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/cli.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
let dir: string;
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'iw-cli-poll-'));
  server.feeds.set('news.xml', { body: rssFeed('Baltic News', [
    { guid: 'n1', title: 'Estonia expels Russian ambassador', link: 'https://baltic.example/1', pubDate: new Date(NOW.getTime() - 3600_000).toUTCString() },
    { guid: 'n2', title: 'Weather: snow expected', link: 'https://baltic.example/2', pubDate: new Date(NOW.getTime() - 3600_000).toUTCString() },
  ]) });
});
afterAll(async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); });

describe('poll --once', () => {
  it('prints one JSON line per feed and a summary, and exits 0 even when a feed fails', async () => {
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `${server.base}/feeds/news.xml\n${server.base}/html\n`);
    const env = { DATABASE_PATH: join(dir, 'json.db'), DEFAULT_FEEDS: 'none' };
    const { code, stdout } = await runCliCaptured(['poll', '--once', '--feeds', list, '--json'], '', env, NOW);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const byUrl = new Map(lines.slice(0, 2).map((l) => [l.url, l]));
    expect(byUrl.get(`${server.base}/feeds/news.xml`)).toEqual({ url: `${server.base}/feeds/news.xml`, status: 'ok', items: 2, new: 2, error: null });
    expect(byUrl.get(`${server.base}/html`)).toMatchObject({ status: 'error', items: 0, error: expect.stringMatching(/HTML page; next try in 5 min/) });
    expect(lines[2]).toMatchObject({ feeds: 2, ok: 1, notModified: 0, errors: 1, items: 2, new: 2, hits: 1 });
    expect(typeof lines[2].ms).toBe('number');
  });

  it('prints the alerts and a cycle line for people', async () => {
    const list = join(dir, 'one.txt');
    writeFileSync(list, `${server.base}/feeds/news.xml\n`);
    const { code, stdout } = await runCliCaptured(['poll', '--once', '--feeds', list], '', { DATABASE_PATH: join(dir, 'human.db'), DEFAULT_FEEDS: 'none' }, NOW);
    expect(code).toBe(0);
    expect(stdout).toContain('🚪 Estonia expels Russian ambassador');
    expect(stdout).toMatch(/Expulsions: expels, ambassador · score/);
    expect(stdout).toContain('https://baltic.example/1');
    expect(stdout).not.toContain('Weather');
    expect(stdout).toMatch(/cycle: 1 feeds, 1 ok, 0 not modified, 0 failed, 2 new items, 1 hits, \d+ ms/);
  });

  it('needs --once, and names bad configuration', async () => {
    expect((await runCliCaptured(['poll'])).code).toBe(2);
    const bad = await runCliCaptured(['poll', '--once'], '', { POLL_CRON: 'often', DEFAULT_FEEDS: 'none' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('POLL_CRON: "often" is not a cron expression');
  });
});
