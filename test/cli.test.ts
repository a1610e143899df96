// The command line: usage errors exit 2, `match` prints people's and JSON output, bad files
// give one line naming the file and the problem.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_SAMPLE_FEED } from '../feeds/samples/index.ts';
import { runCliCaptured } from './support/cli.ts';

describe('cli', () => {
  it.each([[[]], [['frobnicate']], [['match']], [['match', 'a', 'b']], [['match', '--nope', 'x']], [['match', SEED_SAMPLE_FEED, '--theme', 'nope']]])(
    'prints usage and exits 2 for %j',
    async (argv) => {
      const { code, stderr } = await runCliCaptured(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('usage:');
    },
  );

  it('match --json prints one line per item in feed order, with id, title, link, lang, themes and countries', async () => {
    const { code, stdout } = await runCliCaptured(['match', SEED_SAMPLE_FEED, '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['seed-000_2d0cf7e7dc3bd7d7', 'seed-001_efc9072eda2b0612', 'seed-002_9c1a17cb9770b954', 'seed-003_b6df28c9990ddc17', 'seed-004_4c3b1bedbc3a3e95']);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'title', 'link', 'lang', 'themes', 'countries']);
    expect(lines.every((l) => Array.isArray(l.countries) && l.countries.every((c: string) => /^[A-Z]{2}$/.test(c)))).toBe(true);
    const theme = lines[3]!.themes[0];
    expect(theme).toMatchObject({ id: 'expulsions' });
    expect(theme.score).toBeGreaterThan(0);
    expect(theme.terms.length).toBeGreaterThan(0);
  });

  it('match --stories puts reports of one event in one story, whatever their language', async () => {
    const feed = `<rss version="2.0"><channel><title>Mixed</title>${[
      ['a', 'Belgium expels 21 Russian diplomats suspected of spying', 'Mon, 28 Mar 2022 10:00:00 GMT'],
      ['b', 'La Belgique expulse 21 diplomates russes soupçonnés d\'espionnage', 'Mon, 28 Mar 2022 12:00:00 GMT'],
      ['c', 'Germany expels 40 Russian diplomats', 'Mon, 04 Apr 2022 10:00:00 GMT'],
    ].map(([g, t, d]) => `<item><guid>${g}</guid><title>${t}</title><pubDate>${d}</pubDate></item>`).join('')}</channel></rss>`;
    const { code, stdout } = await runCliCaptured(['match', '-', '--json', '--stories'], feed);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.story, l.countries])).toEqual([['a', 'a', ['BE', 'RU']], ['b', 'a', ['BE', 'RU']], ['c', 'c', ['DE', 'RU']]]);
  });

  it('match --theme narrows to the named themes', async () => {
    const { stdout } = await runCliCaptured(['match', SEED_SAMPLE_FEED, '--json', '--theme', 'cyberattacks']);
    const ids = stdout.trim().split('\n').flatMap((l) => JSON.parse(l).themes.map((t: { id: string }) => t.id));
    expect(new Set(ids)).toEqual(new Set(['cyberattacks']));
  });

  it('match reads stdin for "-" and prints for people without --json', async () => {
    const { code, stdout } = await runCliCaptured(['match', '-'], readFileSync(SEED_SAMPLE_FEED, 'utf8'));
    expect(code).toBe(0);
    expect(stdout).toContain('● Belgium deported dozens of Russian spies in recent months [en]');
    expect(stdout).toMatch(/expulsions \(score \d\.\d\d\): /);
  });

  it('names the file and the problem when it cannot be read or parsed', async () => {
    const missing = await runCliCaptured(['match', '/nonexistent/feed.xml']);
    expect(missing).toMatchObject({ code: 1, stderr: '/nonexistent/feed.xml: no such file\n' });
    const html = await runCliCaptured(['match', '-', '--json'], '<html><body>no feed</body></html>');
    expect(html.code).toBe(1);
    expect(JSON.parse(html.stdout)).toEqual({ file: '-', error: 'not a feed: the address returned an HTML page' });
  });

  it('match --bench ends with an items/s line', async () => {
    const { code, stdout } = await runCliCaptured(['match', SEED_SAMPLE_FEED, '--bench']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^\d+ items\/s$/);
  }, 20_000);

  it('runs as the interference-watch bin', () => {
    const run = spawnSync(process.execPath, ['bot/bin.js', 'match', SEED_SAMPLE_FEED, '--json', '--theme', 'expulsions'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(5);
  });
});
