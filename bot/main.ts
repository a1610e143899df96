// The composition root: configuration, database, the polling schedule and alert delivery.
// With DISCORD_TOKEN, alerts go to subscribed channels and slash commands are answered; without
// it, console mode: the same pipeline, alerts printed to stdout.

import cron from 'node-cron';
import pino from 'pino';
import { consoleSink } from './alerts/console-sink.ts';
import { applyEdits, drainOutbox, sendDigests, type AlertSink } from './alerts/deliver.ts';
import { describeConfigErrors, loadConfig, readDotEnv } from './config.ts';
import { deadFeedNotice, startDiscord } from './discord/start.ts';
import { LAST_CYCLE_KEY, type CycleFigures } from './commands/status.ts';
import { openRuntime, pollDeps } from './runtime.ts';
import { VERSION } from './version.ts';
import { countFeeds, type Feed } from '../db/feeds.ts';
import { setMeta } from '../db/meta.ts';
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
const startedAt = Date.now();

const runtime = openRuntime(config, startedAt, (w) => log.warn(w));
// Set in Discord mode: a server's feed that dies gets one notice where it was added.
let notify: ((channelId: string, text: string) => Promise<void>) | undefined;
const deps = {
  ...(await pollDeps(runtime, config, Date.now, 0)),
  onEvent: (feed: Feed, kind: string, message: string) => {
    log.info({ feed: feed.url, kind }, message);
    if (kind === 'dead' && feed.addedInChannel && notify) void notify(feed.addedInChannel, deadFeedNotice(feed.url, message));
  },
};

let sink: AlertSink;
let stopDiscord = async () => {};
if (config.discordToken) {
  const discord = await startDiscord({ runtime, config, token: config.discordToken, log, startedAt, version: VERSION, classifier: deps.classifier });
  if (!discord.ok) {
    log.fatal(discord.error);
    await runtime.close();
    process.exit(1);
  }
  sink = discord.sink;
  stopDiscord = discord.stop;
  notify = discord.notify;
} else {
  sink = consoleSink(process.stdout, runtime.themes);
}

/** Runs a background task, logging its failure: a bad round never stops the schedule. */
function guarded(what: string, task: () => Promise<void>): () => Promise<void> {
  return async () => {
    try { await task(); } catch (e) { log.error({ err: e }, `${what} failed`); }
  };
}

/** Runs `task` unless it is already running: a slow round never overlaps the next. */
function serial(task: () => Promise<void>): () => Promise<void> {
  let running = false;
  return async () => {
    if (running) return;
    running = true;
    try { await task(); } finally { running = false; }
  };
}

const digests = (mode: 'hourly' | 'daily') => guarded(`${mode} digests`, async () => {
  const { sent, failed } = await sendDigests(runtime.db, sink, mode, Date.now);
  if (sent + failed > 0) log.info({ sent, failed, mode }, `${mode} digests: ${sent} sent, ${failed} failed`);
});

// Called after each cycle and every 15 s for retries, so it must not overlap itself.
const deliver = serial(guarded('delivery', async () => {
  const { sent, failed } = await drainOutbox(runtime.db, sink, Date.now);
  if (sent + failed > 0) log.info({ sent, failed }, `delivery: ${sent} messages sent, ${failed} failed`);
  const edits = await applyEdits(runtime.db, sink);
  if (edits.edited + edits.failed > 0) log.info(edits, `alerts updated with new reports: ${edits.edited} edited, ${edits.failed} failed`);
}));

const poll = guarded('polling cycle', async () => {
  const report = await pollOnce(deps);
  const { outcomes: _outcomes, ...figures } = report;
  setMeta(runtime.db, LAST_CYCLE_KEY, JSON.stringify({ at: Date.now(), ...figures } satisfies CycleFigures));
  log.info(figures, `cycle: ${report.feeds} feeds polled, ${report.notModified} not modified, ${report.errors} failed, ${report.new} new items, ${report.hits} hits, ${report.ms} ms`);
});

async function cycle(): Promise<void> {
  await poll();
  await deliver();
}

log.info({ version: VERSION, database: config.databasePath, feeds: countFeeds(runtime.db), schedule: config.pollCron },
  config.discordToken ? 'Interference Watch started: alerts go to subscribed Discord channels' : 'Interference Watch started in console mode: new alerts are printed here');
// node-cron 4 overlaps runs unless told not to; a slow cycle must not start a second one.
const task = cron.schedule(config.pollCron, cycle, { noOverlap: true, name: 'poll' });
const digestTasks = [
  cron.schedule('0 * * * *', digests('hourly'), { noOverlap: true, name: 'hourly-digest' }),
  cron.schedule(config.digestCron, digests('daily'), { noOverlap: true, name: 'daily-digest', timezone: 'UTC' }),
];
// Retries (after a 5xx or a network error) are due between cycles.
const retries = setInterval(() => void deliver(), 15_000);
void cycle();

const shutdown = async (signal: string) => {
  log.info(`${signal}: stopping`);
  clearInterval(retries);
  await task.stop();
  for (const t of digestTasks) await t.stop();
  await stopDiscord();
  await runtime.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
