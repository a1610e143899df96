// Delivery figure for `npm run bench`: 200 alerts (stories) for 50 channels posted through the
// real discord.js REST client to the fake Discord, which keeps Discord's per-channel bucket
// (5 messages per 5 s) and answers 429 past it; prints the time and the 429 answers seen.

import { REST } from 'discord.js';
import { discordSink } from '../../bot/alerts/discord-sink.ts';
import { drainOutbox } from '../../bot/alerts/deliver.ts';
import { insertFeed } from '../../db/feeds.ts';
import { openDatabase } from '../../db/open.ts';
import { outboxCounts } from '../../db/outbox.ts';
import { subscribe } from '../../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../../db/themes.ts';
import { classifyItem } from '../../feeds/classify.ts';
import { ingestItems } from '../../feeds/ingest.ts';
import { builtinMatcher } from '../../feeds/themes/builtin-matcher.ts';
import type { NewsItem } from '../../feeds/types.ts';
import { channelIds, GUILD_ID, startFakeDiscord, TOKEN } from '../support/fake-discord.ts';

const CHANNELS = 50;
const ALERTS = 200;

export async function benchDelivery(): Promise<void> {
  const selected = builtinMatcher(['expulsions']);
  if (!selected.ok) throw new Error(selected.error);
  const discord = await startFakeDiscord({ channelCount: CHANNELS });
  const db = openDatabase(':memory:');
  try {
    const now = Date.now();
    upsertBuiltinThemes(db, selected.themes, now);
    const channels = channelIds(CHANNELS);
    insertFeed(db, 'https://bench.example/rss', {}, now);
    // Every channel follows the theme, and 4 stories arrive: 200 alerts, 4 to a channel.
    for (const channelId of channels) {
      subscribe(db, { guildId: GUILD_ID, channelId, themeId: 'expulsions', minScore: 0, languages: [], mode: 'instant', createdBy: 'bench' }, now);
    }
    const items: NewsItem[] = Array.from({ length: ALERTS / CHANNELS }, (_, i) => ({
      guid: `b${i}`, link: `https://bench.example/${i}`, // Distinct numbers keep the four expulsions four events (see feeds/stories/assign.ts).
      title: `Country ${i + 2} expels ${i + 2} Russian diplomats over espionage`, summary: '', text: '',
      publishedAt: new Date(now), language: 'en', source: 'Bench',
    }));
    ingestItems(db, 1, items, new Map(items.map((item) => [item, classifyItem(item, selected.matcher)])), now, 86_400_000);
    const rows = outboxCounts(db).pending;
    const sink = discordSink(new REST({ api: discord.apiUrl }).setToken(TOKEN), () => selected.themes);
    const started = performance.now();
    const result = await drainOutbox(db, sink, Date.now);
    const ms = performance.now() - started;
    const posts = discord.requests.filter((r) => r.path.endsWith('/messages'));
    console.log(`delivery bench: ${rows} alerts for ${CHANNELS} channels through the fake Discord (5 messages per channel per 5 s)`);
    console.log(`  ${result.sent} messages sent, ${result.failed} failed in ${(ms / 1000).toFixed(2)} s; ${posts.filter((r) => r.status === 429).length} answers were 429`);
  } finally {
    db.close();
    await discord.close();
  }
}
