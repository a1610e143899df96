// Adding a feed from Discord: private, loopback and link-local addresses are refused (before
// any request), a feed must answer and parse, and redirects are checked too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNewFeed, checkPublicHost, isPrivateAddress } from '../feeds/check-feed.ts';
import { createFetchFeed } from '../feeds/fetch.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
beforeAll(async () => { server = await startFeedServer(); });
afterAll(async () => { await server.close(); });
const fetchFeed = createFetchFeed({ timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'test' });

describe('private addresses', () => {
  it('knows the private, loopback, link-local and mapped ranges', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '193.0.6.139', '2001:4860:4860::8888', '172.32.0.1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses an address literal without any lookup or request', async () => {
    expect(await checkPublicHost('http://169.254.169.254/latest/meta-data')).toEqual({
      ok: false, error: '169.254.169.254 resolves to 169.254.169.254, a private or local address; feeds must be on the public internet',
    });
    expect(await checkPublicHost('http://[::1]:8080/feed')).toMatchObject({ ok: false });
    const before = server.hits.size;
    expect(await checkNewFeed(fetchFeed, `${server.base}/feeds/x.xml`, new Date(), true)).toMatchObject({ ok: false, error: expect.stringContaining('private or local') });
    expect(server.hits.size).toBe(before);
  });
});

describe('checkNewFeed', () => {
  it('accepts a feed that answers and parses, and names it', async () => {
    server.feeds.set('ok.xml', { body: '<rss version="2.0"><channel><title>Okay News</title><language>fr</language><item><title>A</title><link>https://x.example/a</link></item></channel></rss>' });
    expect(await checkNewFeed(fetchFeed, `${server.base}/feeds/ok.xml`, new Date())).toEqual({ ok: true, title: 'Okay News', language: 'fr', items: 1, finalUrl: `${server.base}/feeds/ok.xml` });
  });

  it('refuses an HTML page and an error answer, saying why', async () => {
    expect(await checkNewFeed(fetchFeed, `${server.base}/html`, new Date())).toEqual({ ok: false, error: `feed ${server.base}/html: not a feed: the address returned an HTML page` });
    expect(await checkNewFeed(fetchFeed, `${server.base}/503`, new Date())).toMatchObject({ ok: false, error: expect.stringContaining('503') });
  });
});
