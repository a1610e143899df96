// `match FILE`: runs the themes over a feed file's items and prints what each matched and why.

import { parseCommandArgs } from './args.ts';
import { UsageError, type CliCommand, type CliIo } from './io.ts';
import { builtinMatcher } from '../../feeds/themes/builtin-matcher.ts';
import { documentOf, type ThemeMatcher } from '../../feeds/themes/match.ts';
import { readInput } from './read-input.ts';
import { parseFeedBytes } from '../../feeds/parse/parse-feed.ts';
import { classifyItem } from '../../feeds/classify.ts';
import { flagOf } from '../../feeds/countries/recognise.ts';
import { assignInOrder } from '../../feeds/stories/assign.ts';
import { storyFeatures } from '../../feeds/stories/features.ts';
import type { NewsItem, ThemeHit } from '../../feeds/types.ts';

const BENCH_MS = 3000;

export function matchLine(item: NewsItem, hits: readonly ThemeHit[], countries: readonly string[], story?: string): string {
  return JSON.stringify({
    id: item.guid,
    title: item.title,
    link: item.link,
    lang: item.language ?? null,
    themes: hits.map((h) => ({ id: h.themeId, score: h.score, terms: h.terms, title: h.inTitle })),
    countries,
    ...(story !== undefined ? { story } : {}),
  });
}

function humanLines(item: NewsItem, hits: readonly ThemeHit[], countries: readonly string[], story?: string): string {
  const where = countries.length > 0 ? ` ${countries.map(flagOf).join('')}` : '';
  const head = `${item.title || '(no title)'}${item.language ? ` [${item.language}]` : ''}${where}${story !== undefined ? ` (story ${story})` : ''}`;
  if (hits.length === 0) return `· ${head}\n    no theme\n`;
  const lines = hits.map((h) => `    ${h.themeId} (score ${h.score.toFixed(2)}): ${h.terms.join(', ')}`);
  return `● ${head}\n${lines.join('\n')}\n${item.link ? `    ${item.link}\n` : ''}`;
}

function bench(items: readonly NewsItem[], matcher: ThemeMatcher, io: CliIo): void {
  const docs = items.map(documentOf);
  let matched = 0;
  const start = performance.now();
  while (performance.now() - start < BENCH_MS && docs.length > 0) {
    for (const doc of docs) matcher.match(doc);
    matched += docs.length;
  }
  const seconds = (performance.now() - start) / 1000;
  io.stdout.write(`${Math.round(matched / Math.max(seconds, 1e-9))} items/s\n`);
}

export const matchCommand: CliCommand = {
  name: 'match',
  usage: [
    'match FILE [--json] [--stories] [--theme ID]... [--bench]',
    '                                                      match a feed file\'s items (FILE "-" reads stdin);',
    '                                                      --stories groups them into stories in publication order',
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      theme: { type: 'string', multiple: true },
      bench: { type: 'boolean' },
      stories: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('match takes exactly one FILE (or - for stdin)');
    const file = positionals[0]!;
    const selected = builtinMatcher(values.theme ?? []);
    if (!selected.ok) throw new UsageError(selected.error);
    const fail = (problem: string) => {
      if (values.json) io.stdout.write(`${JSON.stringify({ file, error: problem })}\n`);
      else io.stderr.write(`${file}: ${problem}\n`);
      return 1;
    };
    const input = await readInput(file, io.readStdin);
    if (!input.ok) return fail(input.error);
    // Detected once, by classifyItem below, exactly as ingestion does.
    const parsed = await parseFeedBytes(input.bytes, undefined, { fetchedAt: io.now(), detectLanguages: false });
    if (!parsed.ok) return fail(parsed.error);
    const { items } = parsed.feed;
    if (values.bench) {
      bench(items, selected.matcher, io);
      return 0;
    }
    const classified = items.map((item) => classifyItem(item, selected.matcher));
    // Story ids are the feed id of the story's first report, so they read the same in any run.
    const stories = values.stories
      ? assignInOrder(items.map((item, i) => storyFeatures(item, classified[i]!.hits.map((h) => h.themeId), classified[i]!.countries)))
        .map((first) => items[first]!.guid)
      : undefined;
    items.forEach((item, i) => {
      const { hits, countries, language } = classified[i]!;
      const shown = { ...item, language };
      io.stdout.write(values.json ? `${matchLine(shown, hits, countries, stories?.[i])}\n` : humanLines(shown, hits, countries, stories?.[i]));
    });
    return 0;
  },
};
