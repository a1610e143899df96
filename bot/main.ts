// The composition root: configuration, database, themes, the polling schedule and alert
// delivery. With no DISCORD_TOKEN it runs in console mode: the same pipeline, alerts printed.

import cron from 'node-cron';
import pino from 'pino';
import { consoleSink } from './alerts/console-sink.ts';
import { drainOutbox } from './alerts/deliver.ts';
import { describeConfigErrors, loadConfig, readDotEnv } from './config.ts';
import { openRuntime, pollDeps } from './runtime.ts';
import { VERSION } from './version.ts';
import { countFeeds } from '../db/feeds.ts';
import { pollOnce } from '../feeds/poll.ts';

readDotEnv();
const loaded = loadConfig(process.env, VERSION);
if (!loaded.ok) {
  process.stderr.write(`Interference Watch cannot start; ${describeConfigErrors(loaded.errors)}`);
  process.exit(1);
}
const config = loaded.config;
// Logs go to stderr so that console-mode alerts own stdout.
const log = pino({ level: config.logLevel }, pino.destination(2));

if (config.discordToken) {
  log.error('Discord mode is not built yet (issue 5); unset DISCORD_TOKEN to run in console mode');
  process.exit(1);
}

const runtime = openRuntime(config, Date.now(), (w) => log.warn(w));
const sink = consoleSink(process.stdout, runtime.themes);
const deps = {
  ...(await pollDeps(runtime, config, Date.now, 0)),
  onEvent: (feed: { url: string }, kind: string, message: string) => log.info({ feed: feed.url, kind }, message),
};

async function cycle(): Promise<void> {
  try {
    const report = await pollOnce(deps);
    const { outcomes: _outcomes, ...figures } = report;
    log.info(figures, `cycle: ${report.feeds} feeds polled, ${report.notModified} not modified, ${report.errors} failed, ${report.new} new items, ${report.hits} hits, ${report.ms} ms`);
    await drainOutbox(runtime.db, sink, Date.now);
  } catch (e) {
    log.error({ err: e }, 'polling cycle failed');
  }
}

log.info({ version: VERSION, database: config.databasePath, feeds: countFeeds(runtime.db), schedule: config.pollCron },
  'Interference Watch started in console mode: new alerts are printed here');
// node-cron 4 overlaps runs unless told not to; a slow cycle must not start a second one.
const task = cron.schedule(config.pollCron, cycle, { noOverlap: true, name: 'poll' });
void cycle();

const shutdown = async (signal: string) => {
  log.info(`${signal}: stopping`);
  await task.stop();
  await runtime.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
