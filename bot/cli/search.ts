// `search QUERY [--theme ID] [--days N] [--limit N] [--json]`: stored items matching a query.

import { parseCommandArgs } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';
import { withRuntime } from './with-runtime.ts';
import { searchItems } from '../../feeds/search.ts';

const DAY = 86_400_000;

function positiveInt(text: string | undefined, fallback: number, name: string, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

export const searchCommand: CliCommand = {
  name: 'search',
  usage: ['search QUERY [--theme ID] [--days N] [--limit N] [--json]  stored items matching a query, newest first'],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      theme: { type: 'string' }, days: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('search takes one QUERY (quote it: search "expel* NEAR/5 diplomat*")');
    const days = positiveInt(values.days, 30, 'days', 3650);
    const limit = positiveInt(values.limit, 20, 'limit', 1000);
    return withRuntime(io, (c) => ({ ...c, defaultFeeds: undefined }), async (runtime) => {
      if (values.theme && !runtime.themes.some((t) => t.id === values.theme)) {
        throw new UsageError(`unknown theme "${values.theme}"; the themes are ${runtime.themes.map((t) => t.id).join(', ')}`);
      }
      const result = searchItems(runtime.db, positionals[0]!, { sinceMs: io.now().getTime() - days * DAY, ...(values.theme ? { themeId: values.theme } : {}), limit });
      if (!result.ok) throw new UsageError(`bad query: ${result.error}`);
      for (const { item, terms } of result.hits) {
        const published = new Date(item.publishedAt).toISOString();
        io.stdout.write(values.json
          ? `${JSON.stringify({ id: item.id, title: item.title, link: item.link, source: item.source, lang: item.language, published, terms })}\n`
          : `${published.slice(0, 16).replace('T', ' ')}  ${item.title}\n    ${item.source} · ${terms.join(', ')}${item.link ? `\n    ${item.link}` : ''}\n`);
      }
      if (!values.json && result.hits.length === 0) io.stdout.write(`nothing in the last ${days} days matches\n`);
      return 0;
    });
  },
};
