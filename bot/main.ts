// The composition root. Until ingestion lands, `npm start` runs the matcher over the bundled
// sample feed (the seed articles) and prints what it found.

import { processIo, runCli } from './cli.ts';
import { SEED_SAMPLE_FEED } from '../feeds/samples/index.ts';

process.stdout.write('Interference Watch: matching the bundled sample feed (seed articles)\n\n');
process.exitCode = await runCli(['match', SEED_SAMPLE_FEED], processIo);
