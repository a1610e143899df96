// The default feed list is well formed: real http(s) feeds with their language and country,
// enough countries and languages, and no address twice.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedList } from '../feeds/opml.ts';
import { SUPPORTED_LANGUAGES } from '../feeds/language-code.ts';

const opml = readFileSync(new URL('../feeds/default-feeds.opml', import.meta.url), 'utf8');

describe('feeds/default-feeds.opml', () => {
  const list = parseFeedList(opml);
  if (!list.ok) throw new Error(list.error);

  it('has at least 40 feeds in at least 10 languages, each address once', () => {
    expect(list.feeds.length).toBeGreaterThanOrEqual(40);
    expect(new Set(list.feeds.map((f) => f.url)).size).toBe(list.feeds.length);
    const languages = new Set(list.feeds.map((f) => f.language));
    expect(languages.size).toBeGreaterThanOrEqual(10);
    for (const l of languages) expect(SUPPORTED_LANGUAGES as readonly (string | undefined)[]).toContain(l);
  });

  it('covers at least 12 EU countries, EU-affairs outlets and counter-disinformation sources', () => {
    const countries = new Set([...opml.matchAll(/country="([A-Z]{2})"/g)].map((m) => m[1]));
    const eu = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
    expect([...countries].filter((c) => eu.includes(c!)).length).toBeGreaterThanOrEqual(12);
    expect(opml).toContain('category="eu-affairs"');
    expect(opml).toContain('category="counter-disinformation"');
  });

  it('gives every feed a title, a language and the page it was listed on', () => {
    const outlines = [...opml.matchAll(/<outline [^>]*xmlUrl="[^"]+"[^>]*\/>/g)].map((m) => m[0]);
    expect(outlines.length).toBe(list.feeds.length);
    for (const o of outlines) {
      expect(o).toMatch(/ title="[^"]+"/);
      expect(o).toMatch(/ language="[a-z]{2}"/);
      expect(o).toMatch(/ source="https?:\/\/[^"]+"/);
    }
  });
});
