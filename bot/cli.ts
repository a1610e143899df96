// The command-line entry point: `npm run cli -- <command>` and the `interference-watch` bin.

import { UsageError, type CliCommand, type CliIo } from './cli/io.ts';
import { matchCommand } from './cli/match.ts';
import { pollCommand } from './cli/poll.ts';
import { feedsCommand } from './cli/feeds.ts';
import { searchCommand } from './cli/search.ts';
import { trendCommand } from './cli/trend.ts';

/** Every command, written out once. */
export const COMMANDS: readonly CliCommand[] = [matchCommand, pollCommand, feedsCommand, searchCommand, trendCommand];

export function usage(): string {
  const lines = COMMANDS.flatMap((c) => c.usage.map((u) => `  interference-watch ${u}`));
  return `usage:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'no command given');
    return await command.run(args, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n${usage()}`);
    return 2;
  }
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};
