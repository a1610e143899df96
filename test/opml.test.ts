// Feed lists in OPML and as one URL per line; export and re-import round-trip.

import { describe, expect, it } from 'vitest';
import { parseFeedList, toOpml } from '../feeds/opml.ts';

describe('feed lists', () => {
  it('reads nested OPML outlines with titles and languages', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Broadcasters"><outline type="rss" text="Le Monde &amp; Co" xmlUrl="https://www.lemonde.fr/rss/une.xml" language="fr"/></outline>
      <outline type="rss" title="Tagesschau" xmlUrl="https://www.tagesschau.de/xml/rss2/"/></body></opml>`;
    expect(parseFeedList(opml)).toEqual({ ok: true, feeds: [
      { url: 'https://www.lemonde.fr/rss/une.xml', title: 'Le Monde & Co', language: 'fr' },
      { url: 'https://www.tagesschau.de/xml/rss2/', title: 'Tagesschau' },
    ] });
  });

  it('reads one URL per line and names the bad line', () => {
    expect(parseFeedList('# mine\nhttps://a.example/rss\n\nhttp://b.example/feed\n')).toEqual({ ok: true, feeds: [{ url: 'https://a.example/rss' }, { url: 'http://b.example/feed' }] });
    expect(parseFeedList('https://a.example/rss\nftp://x\n')).toEqual({ ok: false, error: 'line 2: "ftp://x" is not an http(s) address' });
  });

  it('refuses broken OPML and javascript: addresses', () => {
    expect(parseFeedList('<opml><body><outline xmlUrl="x"></body>')).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid OPML/) });
    expect(parseFeedList('<opml><body><outline xmlUrl="javascript:alert(1)"/></body></opml>')).toMatchObject({ ok: false });
  });

  it('exports OPML that reads back the same', () => {
    const feeds = [{ url: 'https://a.example/rss?x=1&y=2', title: 'A "quoted" <feed>', language: 'en' }];
    expect(parseFeedList(toOpml(feeds))).toEqual({ ok: true, feeds });
  });
});
