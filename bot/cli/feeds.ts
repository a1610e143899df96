// `feeds list|add URL|remove URL|import FILE|export`: the stored feed list.

import { parseCommandArgs } from './args.ts';
import { UsageError, type CliCommand, type CliIo } from './io.ts';
import { withRuntime } from './with-runtime.ts';
import { importFeedList, type Runtime } from '../runtime.ts';
import { deleteFeed, insertFeed, listFeeds, setFeedStatus } from '../../db/feeds.ts';
import { toOpml } from '../../feeds/opml.ts';
import { isHttpUrl } from '../../feeds/parse/links.ts';
import { checkNewFeed } from '../../feeds/check-feed.ts';

async function run(action: string, arg: string | undefined, runtime: Runtime, io: CliIo): Promise<number> {
  const { db } = runtime;
  const now = io.now();
  switch (action) {
    case 'list': {
      const feeds = listFeeds(db);
      if (feeds.length === 0) io.stdout.write('no feeds; add one with "feeds add URL"\n');
      for (const f of feeds) {
        const health = f.status !== 'active' ? f.status : f.lastError ? `failing (${f.consecutiveFailures}x): ${f.lastError}` : f.lastOkAt ? 'ok' : 'not polled yet';
        io.stdout.write(`${f.url}\t${f.title ?? ''}\t${f.language ?? ''}\t${health}\n`);
      }
      return 0;
    }
    case 'add': {
      if (!arg || !isHttpUrl(arg)) throw new UsageError('feeds add needs an http(s) URL');
      const check = await checkNewFeed(runtime.fetchFeed, arg, now);
      if (!check.ok) {
        io.stderr.write(`not added: ${check.error}\n`);
        return 1;
      }
      const added = insertFeed(db, arg, { title: check.title, language: check.language ?? null }, now.getTime());
      if (!added) setFeedStatus(db, arg, 'active', now.getTime());
      io.stdout.write(added ? `added ${arg} (${check.title}, ${check.items} items now)\n` : `${arg} was already stored; it is active again\n`);
      return 0;
    }
    case 'remove': {
      if (!arg) throw new UsageError('feeds remove needs the feed URL');
      if (!deleteFeed(db, arg)) {
        io.stderr.write(`no stored feed has the address ${arg}; "feeds list" shows them\n`);
        return 1;
      }
      io.stdout.write(`removed ${arg} and its items\n`);
      return 0;
    }
    case 'import': {
      if (!arg) throw new UsageError('feeds import needs a file (OPML, or one URL per line)');
      const imported = importFeedList(db, arg, now.getTime());
      if (!imported.ok) {
        io.stderr.write(`${imported.error}\n`);
        return 1;
      }
      io.stdout.write(`imported ${imported.added} new feeds (${imported.total - imported.added} already stored)\n`);
      return 0;
    }
    case 'export':
      io.stdout.write(toOpml(listFeeds(db).map((f) => ({ url: f.url, ...(f.title ? { title: f.title } : {}), ...(f.language ? { language: f.language } : {}) }))));
      return 0;
    default:
      throw new UsageError(`unknown feeds action "${action}"`);
  }
}

export const feedsCommand: CliCommand = {
  name: 'feeds',
  usage: ['feeds list|add URL|remove URL|import FILE|export      the stored feeds (export prints OPML)'],
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    const [action, arg, extra] = positionals;
    if (!action) throw new UsageError('feeds needs an action: list, add, remove, import or export');
    if (extra !== undefined || (['list', 'export'].includes(action) && arg !== undefined)) throw new UsageError(`too many arguments for feeds ${action}`);
    return withRuntime(io, (c) => ({ ...c, defaultFeeds: undefined }), (runtime) => run(action, arg, runtime, io));
  },
};
