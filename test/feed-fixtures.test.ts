// Every one of the 327 real-world and edge-case feeds gives its items or one clear error, as
// its manifest entry expects, and nothing crashes, hangs or reaches outside.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedBytes } from '../feeds/parse/parse-feed.ts';

interface Entry { file: string; role: string; expect: 'items' | 'either' | 'error'; item_count_hint?: number }

const dir = new URL('./fixtures/feeds/', import.meta.url);
const manifest = (JSON.parse(readFileSync(new URL('MANIFEST.json', dir), 'utf8')) as Entry[]).filter(
  (e) => e.role === 'feed',
);
const fetchedAt = new Date('2026-11-23T10:00:00Z');

describe('feed fixtures', () => {
  it('has all 327 feeds', () => expect(manifest).toHaveLength(327));

  it.each(manifest.map((e) => [e.file, e] as const))('%s', async (_file, entry) => {
    const result = await parseFeedBytes(readFileSync(new URL(entry.file, dir)), undefined, { fetchedAt });
    if (entry.expect === 'items') expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (entry.expect === 'error') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^not a (readable )?feed/);
    }
    if (!result.ok) return;
    for (const item of result.feed.items) {
      expect(typeof item.title).toBe('string');
      expect(item.guid).not.toBe('');
      expect(Number.isNaN(item.publishedAt.getTime())).toBe(false);
      expect(item.publishedAt.getTime()).toBeLessThanOrEqual(fetchedAt.getTime() + 24 * 3600 * 1000);
      if (item.link) expect(item.link).toMatch(/^https?:\/\//);
    }
  });
});

async function parseFile(file: string) {
  const result = await parseFeedBytes(readFileSync(new URL(file, dir)), undefined, { fetchedAt });
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

describe('normalising items', () => {
  it('reads JSON Feed, which rss-parser cannot', async () => {
    const feed = await parseFile('real-world/feed-extractor__json-feed-standard-realworld.json');
    expect(feed.items).toHaveLength(10);
    expect(feed.items[0]!.link).toMatch(/^https:\/\/adactio\.com\//);
  });

  it('decodes KOI8-R that declares nothing, UTF-16 without a BOM, windows-1251 and ISO-8859-1', async () => {
    const koi8 = await parseFile('edge-cases/feedparser__koi8r.xml');
    expect(koi8.items[0]!.title).toBe('Как пережить новогоднюю ночь');
    expect(koi8.items[0]!.language).toBe('ru');
    expect((await parseFile('edge-cases/simplepie__feed-utf16be.xml')).items[0]!.title).toBe('Test feed title 1');
    expect((await parseFile('real-world/node-feedparser__iconv.xml')).items[1]!.title).toBe('ЧОПовцы в Оренбурге избили молодого человека');
    expect((await parseFile('real-world/rss-parser__encoding.rss')).items[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
  });

  it('takes the text of Atom titles written as XHTML', async () => {
    const feed = await parseFile('real-world/feedjira__pet_atom.xml');
    expect(feed.items[0]!.title).toBe('Sentry Calming Collar for dogs');
  });

  it('never resolves external entities or DTDs', async () => {
    // The entity references stay unexpanded text; nothing is read from disk or the network.
    const xxe = await parseFeed(
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY leak SYSTEM "file:///etc/hostname"><!ENTITY boom "BOOM">]>' +
      '<rss version="2.0"><channel><title>T</title><item><title>a &leak; b &boom;</title></item></channel></rss>', { fetchedAt });
    expect(xxe).toMatchObject({ ok: true, feed: { items: [{ title: 'a &leak; b &boom;' }] } });
    for (const file of ['edge-cases/laminas-feed__xxe-atom10.xml', 'edge-cases/feedvalidator__system_entity.xml']) {
      const result = await parseFeedBytes(readFileSync(new URL(file, dir)), undefined, { fetchedAt });
      expect(result.ok, file).toBe(true);
      expect(JSON.stringify(result), file).not.toMatch(/boot loader|\[operating systems\]|root:x:0/i);
    }
  });

  it('drops javascript: links and strips tracking parameters', async () => {
    const rss = `<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
      <item><title>A</title><link>javascript:alert(1)</link><guid>a</guid></item>
      <item><title>B</title><link>/world/b?utm_source=rss&amp;id=7&amp;fbclid=x#top</link><guid>b</guid></item>
      <item><title>C &amp; D</title><description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&nbsp;&amp;amp; more&lt;/p&gt;</description>
        <pubDate>Thu, 01 Jan 2099 00:00:00 GMT</pubDate></item>
    </channel></rss>`;
    const result = await parseFeed(rss, { fetchedAt });
    if (!result.ok) throw new Error(result.error);
    const [a, b, c] = result.feed.items;
    expect(a!.link).toBe('');
    expect(b!.link).toBe('https://news.example/world/b?id=7');
    expect(c!.title).toBe('C & D');
    expect(c!.summary).toBe('Hello world & more');
    expect(c!.publishedAt).toEqual(fetchedAt);
    expect(c!.guid).toMatch(/^sha1:[0-9a-f]{40}$/);
  });

  it('reports HTML pages and empty documents as errors a person can act on', async () => {
    expect(await parseFeed('<!doctype html><html><body>Hi</body></html>', { fetchedAt })).toEqual({
      ok: false, error: 'not a feed: the address returned an HTML page',
    });
    expect(await parseFeed('  ', { fetchedAt })).toEqual({ ok: false, error: 'not a feed: the document is empty' });
  });

  it('turns nesting thousands deep into one error value, not a crash', async () => {
    const deep = `<rss version="2.0"><channel><title>T</title><item><title>x</title><description>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</description></item></channel></rss>`;
    expect(await parseFeed(deep, { fetchedAt })).toEqual({ ok: false, error: 'not a readable feed: Maximum call stack size exceeded' });
    const shallow = deep.replace(/<div>/g, '').replace(/<\/div>/g, '');
    expect(await parseFeed(shallow, { fetchedAt })).toMatchObject({ ok: true, feed: { items: [{ summary: 'deep' }] } });
  });
});
