#!/usr/bin/env node
// The `interference-watch` command: runs the TypeScript CLI through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
const { readDotEnv } = await import('./config.ts');
readDotEnv();
const { runCli, processIo } = await import('./cli.ts');
process.exitCode = await runCli(process.argv.slice(2), processIo);
