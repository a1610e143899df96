// Delivery to the fake Discord through the real discord.js REST client: 429 waited out as told,
// 5xx retried later with nothing lost, a repeated nonce never posting twice; deploy-commands;
// and the bot killed with SIGKILL in the middle of a burst, then restarted: every alert once.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordSink } from '../bot/alerts/discord-sink.ts';
import { drainOutbox, type OutgoingMessage } from '../bot/alerts/deliver.ts';
import { openDatabase } from '../db/open.ts';
import { outboxCounts, type PendingAlert } from '../db/outbox.ts';
import { subscribe } from '../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../db/themes.ts';
import { loadBuiltinThemes } from '../feeds/themes/builtin.ts';
import { CHANNELS, GUILD_ID, startFakeDiscord, TOKEN, type FakeDiscord } from './support/fake-discord.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let discord: FakeDiscord;
let dir: string;
beforeEach(async () => {
  discord = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'iw-delivery-'));
});
afterEach(async () => {
  await discord.close();
  rmSync(dir, { recursive: true, force: true });
});

const THEMES = loadBuiltinThemes();
const rest = () => new REST({ api: discord.apiUrl, retries: 1 }).setToken(TOKEN);

function message(nonce: string, channelId = CHANNELS[0]!): OutgoingMessage {
  const alert: PendingAlert = {
    id: 1, storyId: 1, itemId: 1, subscriptionId: 1, channelId, themeId: 'expulsions', title: 'Estonia expels Russian diplomat', summary: '', link: 'https://x.example/1',
    source: 'X', language: 'en', publishedAt: Date.now(), terms: ['expels'], score: 0.5, attempts: 0, nonce, countries: [],
  };
  return { channelId, nonce, stories: [{ storyId: 1, alerts: [alert] }] };
}

describe('discordSink', () => {
  it('waits out a 429 as Discord says and then posts', async () => {
    discord.fail(/\/messages$/, 429, { retryAfter: 0.3 });
    const started = Date.now();
    expect(await discordSink(rest(), () => THEMES).send(message('iw1'))).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(discord.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.status)).toEqual([429, 200]);
    expect(discord.messages.get(CHANNELS[0]!)).toHaveLength(1);
  });

  it('turns a lasting 5xx into a retry, and a second post of the same nonce into the same message', async () => {
    // One try and one retry of discord.js's own, then the outbox's backoff takes over.
    discord.fail(/\/messages$/, 502, { count: 2 });
    const sink = discordSink(rest(), () => THEMES);
    const failed = await sink.send(message('iw2'));
    expect(failed).toEqual({ ok: false, error: `Discord answered HTTP 502 for channel ${CHANNELS[0]}; retrying later` });
    discord.requests.length = 0;
    const first = await sink.send(message('iw3'));
    const again = await sink.send(message('iw3'));
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    expect(discord.messages.get(CHANNELS[0]!)).toHaveLength(1);
  });

  it('reports an unknown channel as gone, with a sentence an admin can act on', async () => {
    expect(await discordSink(rest(), () => THEMES).send(message('iw4', '399999999999999999'))).toEqual({
      ok: false, channelGone: true,
      error: 'Discord answered HTTP 404 (Unknown Channel) for channel 399999999999999999: the channel no longer exists; alerts are paused until /subscribe is run there again',
    });
  });
});

describe('npm run deploy-commands', () => {
  it('registers every command to the development server', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/deploy-commands.ts'], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: GUILD_ID, DATABASE_PATH: join(dir, 'deploy.db') },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^registered \\d+ commands to server ${GUILD_ID}\\n$`));
    expect(discord.commands.guild.get(GUILD_ID)!.length).toBeGreaterThan(8);
  });
});

describe('a crash in the middle of a burst', () => {
  let feeds: FeedServer;
  beforeEach(async () => { feeds = await startFeedServer(); });
  afterEach(async () => { await feeds.close(); });

  it('delivers every alert exactly once after SIGKILL and restart', async () => {
    await discord.close();
    discord = await startFakeDiscord({ messageDelayMs: 150, bucket: { limit: 1000, windowMs: 1000 } });
    const stories = Array.from({ length: 40 }, (_, i) => ({
      // Distinct numbers keep the forty expulsions forty events (see feeds/stories/assign.ts).
      guid: `s${i}`, title: `Country ${i + 2} expels ${i + 2} Russian diplomats over spying`, link: `https://burst.example/${i}`, pubDate: new Date().toUTCString(),
    }));
    feeds.feeds.set('burst.xml', { body: rssFeed('Burst', stories) });
    writeFileSync(join(dir, 'feeds.txt'), `${feeds.base}/feeds/burst.xml\n`);
    const dbPath = join(dir, 'crash.db');
    const db = openDatabase(dbPath);
    upsertBuiltinThemes(db, THEMES, Date.now());
    for (const channelId of CHANNELS) subscribe(db, { guildId: GUILD_ID, channelId, themeId: 'expulsions', minScore: 0, languages: [], mode: 'instant', createdBy: 't' }, Date.now());
    db.close();
    const start = () => spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: GUILD_ID, DATABASE_PATH: dbPath, DEFAULT_FEEDS: join(dir, 'feeds.txt'), POLL_CRON: '0 0 1 1 *', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const posted = () => CHANNELS.reduce((n, c) => n + discord.messages.get(c)!.length, 0);
    const first = start();
    await discord.until(() => posted() >= 2, 30_000);
    first.kill('SIGKILL');
    await once(first, 'exit');
    const afterKill = posted();
    expect(afterKill).toBeLessThan(CHANNELS.length * 4);
    const second = start();
    try {
      // 40 stories in messages of 10: 4 messages per channel.
      await discord.until(() => posted() >= CHANNELS.length * 4, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      second.kill('SIGKILL');
      await once(second, 'exit');
    }
    for (const channelId of CHANNELS) {
      const titles = discord.messages.get(channelId)!.flatMap((m) => m.embeds.map((e) => String(e.title)));
      expect(titles.sort()).toEqual(stories.map((s) => s.title).sort());
    }
    const check = openDatabase(dbPath);
    expect(outboxCounts(check)).toEqual({ pending: 0, sent: 120, failed: 0 });
    check.close();
  }, 90_000);
});

describe('drainOutbox through the fake', () => {
  it('sends nothing when nothing is due', async () => {
    const db = openDatabase(':memory:');
    expect(await drainOutbox(db, discordSink(rest(), () => THEMES), Date.now)).toEqual({ sent: 0, failed: 0 });
  });
});
