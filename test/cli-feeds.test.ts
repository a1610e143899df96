// `feeds`: add checks the feed first, list shows health, remove, import and export round-trip.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/cli.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'iw-cli-feeds-'));
  env = { DATABASE_PATH: join(dir, 'feeds.db'), DEFAULT_FEEDS: 'none' };
  server.feeds.set('good.xml', { body: rssFeed('Good News', [{ guid: '1', title: 'Hello' }]) });
});
afterAll(async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); });

describe('feeds', () => {
  it('adds a feed only after fetching and parsing it', async () => {
    const good = await runCliCaptured(['feeds', 'add', `${server.base}/feeds/good.xml`], '', env);
    expect(good).toMatchObject({ code: 0, stdout: `added ${server.base}/feeds/good.xml (Good News, 1 items now)\n` });
    const html = await runCliCaptured(['feeds', 'add', `${server.base}/html`], '', env);
    expect(html.code).toBe(1);
    expect(html.stderr).toBe(`not added: feed ${server.base}/html: not a feed: the address returned an HTML page\n`);
    expect((await runCliCaptured(['feeds', 'add', 'javascript:alert(1)'], '', env)).code).toBe(2);
  });

  it('lists, exports, removes and imports', async () => {
    const list = await runCliCaptured(['feeds', 'list'], '', env);
    expect(list.stdout).toBe(`${server.base}/feeds/good.xml\tGood News\t\tnot polled yet\n`);
    const exported = await runCliCaptured(['feeds', 'export'], '', env);
    expect(exported.stdout).toContain(`xmlUrl="${server.base}/feeds/good.xml"`);
    const file = join(dir, 'export.opml');
    writeFileSync(file, exported.stdout);
    expect(await runCliCaptured(['feeds', 'remove', `${server.base}/feeds/good.xml`], '', env)).toMatchObject({ code: 0 });
    expect((await runCliCaptured(['feeds', 'remove', `${server.base}/feeds/good.xml`], '', env)).code).toBe(1);
    expect(await runCliCaptured(['feeds', 'import', file], '', env)).toMatchObject({ code: 0, stdout: 'imported 1 new feeds (0 already stored)\n' });
    expect((await runCliCaptured(['feeds', 'import', join(dir, 'missing.opml')], '', env)).stderr).toMatch(/no such file/);
  });

  it('prints usage for bad actions', async () => {
    expect((await runCliCaptured(['feeds'], '', env)).code).toBe(2);
    expect((await runCliCaptured(['feeds', 'frob'], '', env)).code).toBe(2);
    expect((await runCliCaptured(['feeds', 'list', 'x'], '', env)).code).toBe(2);
  });
});
