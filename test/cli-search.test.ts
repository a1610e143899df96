// `search`: the query language over stored items, narrowed by FTS5 and decided by the matcher.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../feeds/themes/query/fts.ts';
import { parseQuery } from '../feeds/themes/query/parse.ts';
import { runCliCaptured } from './support/cli.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let server: FeedServer;
let dir: string;
let env: Record<string, string>;
const NOW = new Date('2026-11-23T10:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toUTCString();

beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'iw-cli-search-'));
  env = { DATABASE_PATH: join(dir, 'search.db'), DEFAULT_FEEDS: 'none' };
  server.feeds.set('s.xml', { body: rssFeed('Search News', [
    { guid: '1', title: 'Polska wydaliła rosyjskich dyplomatów', link: 'https://s.example/1', pubDate: ago(1) },
    { guid: '2', title: 'Hospital hit by a cyber-attack', link: 'https://s.example/2', pubDate: ago(2) },
    { guid: '3', title: 'Straße closed for the marathon', link: 'https://s.example/3', pubDate: ago(3) },
    { guid: '4', title: 'Old story: Czechia expels diplomat', link: 'https://s.example/4', pubDate: ago(60) },
  ]) });
  const list = join(dir, 'list.txt');
  writeFileSync(list, `${server.base}/feeds/s.xml\n`);
  await runCliCaptured(['poll', '--once', '--feeds', list, '--json'], '', env, NOW);
});
afterAll(async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); });

const search = async (...args: string[]) => runCliCaptured(['search', ...args, '--json'], '', env, NOW);
const titles = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).title);

describe('search', () => {
  it('finds items by the query language, folding diacritics, hyphens and ß', async () => {
    expect(titles((await search('wydalil* NEAR/3 dyplomat*')).stdout)).toEqual(['Polska wydaliła rosyjskich dyplomatów']);
    expect(titles((await search('cyberattack')).stdout)).toEqual(['Hospital hit by a cyber-attack']);
    expect(titles((await search('strasse')).stdout)).toEqual(['Straße closed for the marathon']);
  });

  it('looks back --days and filters by --theme', async () => {
    expect(titles((await search('expel*')).stdout)).toEqual([]);
    expect(titles((await search('expel*', '--days', '90')).stdout)).toEqual(['Old story: Czechia expels diplomat']);
    expect(titles((await search('hospital OR dyplomat* OR marathon', '--theme', 'cyberattacks')).stdout)).toEqual(['Hospital hit by a cyber-attack']);
  });

  it('answers a bad query with its position, as a usage error', async () => {
    const bad = await runCliCaptured(['search', 'a OR b AND c'], '', env, NOW);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad query: column 8: "AND" after "OR" at the same level; add parentheses');
  });

  it('quotes every word it hands to FTS5', () => {
    const parsed = parseQuery('"drop" OR title:(xyz* NOT y) OR cyber-attack');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(toFtsQuery(parsed.query)).toBe('"drop"* OR "xyz"* OR "cybe"*');
  });

  it('trend writes the chart of the stored stories to a PNG file, and refuses what it cannot draw', async () => {
    const out = join(dir, 'trend.png');
    const { code, stdout } = await runCliCaptured(['trend', '--days', '7', '--out', out], '', env, NOW);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 2 stories over 7 days, \\d+ bytes\\n$`));
    expect(readFileSync(out).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await runCliCaptured(['trend', '--out', out, '--theme', 'weather'], '', env, NOW)).code).toBe(2);
    expect((await runCliCaptured(['trend', '--days', '1', '--out', out], '', env, NOW)).code).toBe(2);
    expect((await runCliCaptured(['trend'], '', env, NOW)).code).toBe(2);
  });
});
