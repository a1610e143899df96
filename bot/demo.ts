// `npm run demo`: the whole pipeline offline in one command. The bundled sample feeds are served
// on 127.0.0.1 with fresh dates, one cycle runs in console mode against a temporary database,
// the alerts are printed, and everything is stopped and removed.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { consoleSink } from './alerts/console-sink.ts';
import { drainOutbox } from './alerts/deliver.ts';
import { loadConfig } from './config.ts';
import { openRuntime, pollDeps } from './runtime.ts';
import { VERSION } from './version.ts';
import { insertFeed } from '../db/feeds.ts';
import { pollOnce } from '../feeds/poll.ts';
import { SAMPLE_FEEDS } from '../feeds/samples/index.ts';

/** Every item published a few minutes ago, in feed order, so all of them are fresh enough to alert. */
function freshen(xml: string, now: number): string {
  let n = 0;
  return xml.replace(/<pubDate>[^<]*<\/pubDate>\s*/g, '').replace(/<\/guid>/g, () => `</guid>\n    <pubDate>${new Date(now - ++n * 60_000).toUTCString()}</pubDate>`);
}

const now = Date.now();
const feeds = new Map(SAMPLE_FEEDS.map((path) => [`/${basename(path)}`, freshen(readFileSync(path, 'utf8'), now)]));
const server = createServer((req, res) => {
  const body = feeds.get(req.url ?? '');
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(join(tmpdir(), 'interference-watch-demo-'));

try {
  const loaded = loadConfig({ DATABASE_PATH: join(dir, 'demo.db'), DEFAULT_FEEDS: 'none' }, VERSION);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const runtime = openRuntime(loaded.config, now, (w) => process.stderr.write(`${w}\n`));
  for (const path of feeds.keys()) insertFeed(runtime.db, base + path, {}, now);
  process.stdout.write(`Interference Watch demo: ${feeds.size} sample feeds served on ${base}, one cycle in console mode\n\n`);
  const report = await pollOnce(await pollDeps(runtime, loaded.config, Date.now, 5 * 60_000));
  await drainOutbox(runtime.db, consoleSink(process.stdout, runtime.themes), Date.now);
  process.stdout.write(`cycle: ${report.feeds} feeds, ${report.new} new items, ${report.hits} hits, ${report.alerts} alerts, ${report.errors} failed, ${report.ms} ms\n`);
  await runtime.close();
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
