// Fetching against a local server: conditional GET, limits, redirects, encodings, errors.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchFeed, parseRetryAfter } from '../feeds/fetch.ts';
import { parseFeedBytes } from '../feeds/parse/parse-feed.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
beforeAll(async () => { server = await startFeedServer(); });
afterAll(async () => { await server.close(); });

const fetchFeed = createFetchFeed({ timeoutMs: 1500, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'InterferenceWatch/test' });

async function parsed(path: string) {
  const r = await fetchFeed({ url: server.base + path });
  if (r.status !== 'ok') throw new Error(JSON.stringify(r));
  const feed = await parseFeedBytes(r.body, r.charset, { fetchedAt: new Date(), url: r.finalUrl });
  if (!feed.ok) throw new Error(feed.error);
  return feed.feed;
}

describe('fetchFeed', () => {
  it('sends the user agent and answers 304 to a matching ETag or Last-Modified', async () => {
    server.feeds.set('etag.xml', { body: rssFeed('E', []), etag: '"v1"' });
    server.feeds.set('lm.xml', { body: rssFeed('L', []), lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' });
    const first = await fetchFeed({ url: `${server.base}/feeds/etag.xml` });
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"' });
    expect(server.hits.get('/feeds/etag.xml')![0]!.headers['user-agent']).toBe('InterferenceWatch/test');
    expect(await fetchFeed({ url: `${server.base}/feeds/etag.xml`, etag: '"v1"' })).toEqual({ status: 'not-modified' });
    const lm = await fetchFeed({ url: `${server.base}/feeds/lm.xml` });
    expect(lm).toMatchObject({ status: 'ok', lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' });
    expect(await fetchFeed({ url: `${server.base}/feeds/lm.xml`, lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' })).toEqual({ status: 'not-modified' });
  });

  it('gives up on slow headers and on a body that drips, within one deadline', async () => {
    const slow = await fetchFeed({ url: `${server.base}/slow-headers` });
    expect(slow).toMatchObject({ status: 'error', error: expect.stringMatching(/did not answer completely within 2 s/) });
    const drip = await fetchFeed({ url: `${server.base}/drip` });
    expect(drip).toMatchObject({ status: 'error', error: expect.stringMatching(/did not answer completely/) });
  });

  it('cuts an endless body and a compression bomb at the decoded-size cap', async () => {
    expect(await fetchFeed({ url: `${server.base}/endless` })).toMatchObject({ status: 'error', error: expect.stringMatching(/larger than 1024 KB/) });
    expect(await fetchFeed({ url: `${server.base}/bomb` })).toMatchObject({ status: 'error', error: expect.stringMatching(/larger than 1024 KB \(decoded\)/) });
  });

  it('follows redirects to http(s) only, at most five', async () => {
    expect(await fetchFeed({ url: `${server.base}/loop` })).toMatchObject({ status: 'error', error: expect.stringMatching(/redirected more than 5 times/) });
    expect(await fetchFeed({ url: `${server.base}/to-javascript` })).toMatchObject({ status: 'error', error: expect.stringMatching(/javascript: address, which is refused/) });
    expect(await fetchFeed({ url: `${server.base}/to-file` })).toMatchObject({ status: 'error', error: expect.stringMatching(/file: address/) });
    expect(await fetchFeed({ url: `${server.base}/moved` })).toMatchObject({ status: 'ok', finalUrl: `${server.base}/gzip` });
  });

  it('decodes gzip and brotli', async () => {
    expect((await parsed('/gzip')).items[0]!.title).toBe('Belgium expels 21 Russian diplomats');
    expect((await parsed('/br')).items[0]!.title).toBe('Belgium expels 21 Russian diplomats');
  });

  it('decodes by the header charset, trusting it over a wrong XML declaration', async () => {
    expect((await parsed('/latin1')).items[0]!.title).toBe('La Belgique expulse des diplomates à Liège, été');
    expect((await parsed('/wrong-charset')).items[0]!.title).toBe('Żądanie wydalenia dyplomatów');
  });

  it('honours Retry-After on 429 and 503, and names the problem in every error', async () => {
    expect(await fetchFeed({ url: `${server.base}/429` })).toEqual({ status: 'error', error: `feed ${server.base}/429 returned HTTP 429`, retryAfterMs: 120_000 });
    const busy = await fetchFeed({ url: `${server.base}/503` });
    expect(busy.status === 'error' && busy.retryAfterMs).toBeGreaterThan(500_000);
    expect(await fetchFeed({ url: `${server.base}/nope` })).toMatchObject({ status: 'error', error: `feed ${server.base}/nope returned HTTP 404` });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchFeed({ url: `http://127.0.0.1:${port}/feed` })).toMatchObject({ status: 'error', error: expect.stringMatching(/refused the connection/) });
  });

  it('lets the parser report HTML and empty bodies as not feeds', async () => {
    for (const path of ['/html', '/empty']) {
      const r = await fetchFeed({ url: server.base + path });
      if (r.status !== 'ok') throw new Error(`${path}: ${r.status}`);
      const result = await parseFeedBytes(r.body, r.charset, { fetchedAt: new Date() });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^not a feed/) });
    }
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('30', 0)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
