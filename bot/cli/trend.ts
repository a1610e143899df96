// `trend [--theme ID] [--days N] --out FILE.png`: the /trend chart written to a file.

import { writeFileSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';
import { withRuntime } from './with-runtime.ts';
import { trendChart } from '../trend/chart.ts';
import { listThemes } from '../../db/themes.ts';

export const trendCommand: CliCommand = {
  name: 'trend',
  usage: ['trend [--theme ID] [--days N] --out FILE.png       chart of stories per day per theme'],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { theme: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.out) throw new UsageError('trend needs --out FILE.png');
    const days = values.days === undefined ? 30 : Number(values.days);
    if (!Number.isInteger(days) || days < 2 || days > 365) throw new UsageError('--days must be a whole number from 2 to 365');
    return withRuntime(io, (c) => ({ ...c, defaultFeeds: undefined }), async (runtime) => {
      const all = listThemes(runtime.db);
      const themes = values.theme ? all.filter((t) => t.id === values.theme) : all;
      if (themes.length === 0) {
        io.stderr.write(`unknown theme "${values.theme}"; the themes are ${all.map((t) => t.id).join(', ')}\n`);
        return 2;
      }
      const chart = await trendChart(runtime.db, themes, days, io.now().getTime());
      try {
        writeFileSync(values.out!, chart.png);
      } catch (e) {
        io.stderr.write(`cannot write ${values.out}: ${(e as Error).message}\n`);
        return 1;
      }
      io.stdout.write(`${values.out}: ${chart.stories} stories over ${days} days, ${chart.png.length} bytes\n`);
      return 0;
    });
  },
};
