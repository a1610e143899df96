// Runs a CLI command against the configured database: configuration checked (every bad key
// printed, exit 1), the runtime opened, and closed (database, classifier thread) whatever happens.

import type { CliIo } from './io.ts';
import { describeConfigErrors, loadConfig, type Config } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { VERSION } from '../version.ts';

export async function withRuntime(
  io: CliIo, adjust: (config: Config) => Config, run: (runtime: Runtime, config: Config) => Promise<number>,
): Promise<number> {
  const loaded = loadConfig(io.env, VERSION);
  if (!loaded.ok) {
    io.stderr.write(describeConfigErrors(loaded.errors));
    return 1;
  }
  const config = adjust(loaded.config);
  const runtime = openRuntime(config, io.now().getTime(), (w) => io.stderr.write(`${w}\n`));
  try {
    return await run(runtime, config);
  } finally {
    await runtime.close();
  }
}
