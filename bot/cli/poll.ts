// `poll --once [--feeds FILE] [--json]`: one polling cycle now, then exit.

import { parseCommandArgs } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';
import { consoleSink } from '../alerts/console-sink.ts';
import { drainOutbox } from '../alerts/deliver.ts';
import { withRuntime } from './with-runtime.ts';
import type { Config } from '../config.ts';
import { importFeedList, pollDeps } from '../runtime.ts';
import { pollOnce } from '../../feeds/poll.ts';

export const pollCommand: CliCommand = {
  name: 'poll',
  usage: ['poll --once [--feeds FILE] [--json]                 one polling cycle now (FILE: OPML or one URL per line)'],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { once: { type: 'boolean' }, feeds: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.once) throw new UsageError('poll needs --once (the bot itself polls on its schedule: npm start)');
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const adjust = (c: Config): Config => ({ ...c, defaultFeeds: values.feeds ? undefined : c.defaultFeeds });
    return withRuntime(io, adjust, async (runtime, config) => {
      if (values.feeds) {
        const imported = importFeedList(runtime.db, values.feeds, io.now().getTime());
        if (!imported.ok) {
          io.stderr.write(`${imported.error}\n`);
          return 1;
        }
      }
      // --once polls now, whatever the schedule says.
      runtime.db.prepare("UPDATE feeds SET next_poll_at = 0 WHERE status = 'active'").run();
      const report = await pollOnce(await pollDeps(runtime, config, () => io.now().getTime(), 5 * 60_000));
      if (values.json) {
        for (const o of report.outcomes) {
          io.stdout.write(`${JSON.stringify({ url: o.url, status: o.status, items: o.items, new: o.new, error: o.error ?? null })}\n`);
        }
        const { outcomes: _o, alerts: _a, ...summary } = report;
        io.stdout.write(`${JSON.stringify(summary)}\n`);
      } else {
        for (const o of report.outcomes) if (o.error) io.stderr.write(`${o.error}\n`);
        await drainOutbox(runtime.db, consoleSink(io.stdout, runtime.themes), () => io.now().getTime());
        io.stdout.write(`cycle: ${report.feeds} feeds, ${report.ok} ok, ${report.notModified} not modified, ${report.errors} failed, ${report.new} new items, ${report.hits} hits, ${report.ms} ms\n`);
      }
      return 0;
    });
  },
};
