// Delivery: one message per story and channel, marked sent only when the sink accepts it,
// retried later when it does not.

import { describe, expect, it } from 'vitest';
import { drainOutbox, groupByStory, type AlertSink } from '../bot/alerts/deliver.ts';
import { insertFeed } from '../db/feeds.ts';
import { openDatabase } from '../db/open.ts';
import { outboxCounts, type PendingAlert } from '../db/outbox.ts';
import { ensureConsoleSubscriptions } from '../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../db/themes.ts';
import { ingestItems } from '../feeds/ingest.ts';
import { classifyItem } from '../feeds/classify.ts';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import type { NewsItem } from '../feeds/types.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');

function setup() {
  const selected = builtinMatcher();
  if (!selected.ok) throw new Error(selected.error);
  const db = openDatabase(':memory:');
  upsertBuiltinThemes(db, selected.themes, NOW);
  ensureConsoleSubscriptions(db, selected.themes.map((t) => t.id), NOW);
  insertFeed(db, 'https://x.example/rss', {}, NOW);
  const item: NewsItem = {
    guid: 'g', link: 'https://x.example/1', title: 'Russian hackers behind cyberattack; disinformation campaign targeted voters before election',
    summary: '', text: '', publishedAt: new Date(NOW), language: 'en', source: 'X',
  };
  ingestItems(db, 1, [item], new Map([[item, classifyItem(item, selected.matcher)]]), NOW, 86_400_000);
  return db;
}

describe('drainOutbox', () => {
  it('sends one message for a story that hit three themes, and marks every row sent', async () => {
    const db = setup();
    expect(outboxCounts(db).pending).toBe(3);
    const sent: PendingAlert[][] = [];
    const sink: AlertSink = { send: async (alerts) => { sent.push([...alerts]); return { ok: true, messageId: 'm1' }; } };
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((a) => a.themeId).sort()).toEqual(['cyberattacks', 'disinformation', 'election-interference']);
    expect(outboxCounts(db)).toEqual({ pending: 0, sent: 3 });
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps a refused alert and retries it after the delay the sink asks for', async () => {
    const db = setup();
    const refusing: AlertSink = { send: async () => ({ ok: false, error: 'HTTP 503', retryAfterMs: 30_000 }) };
    expect(await drainOutbox(db, refusing, () => NOW)).toEqual({ sent: 0, failed: 1 });
    expect(outboxCounts(db).pending).toBe(3);
    const accepting: AlertSink = { send: async () => ({ ok: true, messageId: null }) };
    expect(await drainOutbox(db, accepting, () => NOW + 10_000)).toEqual({ sent: 0, failed: 0 });
    expect(await drainOutbox(db, accepting, () => NOW + 30_000)).toEqual({ sent: 1, failed: 0 });
  });

  it('groups rows by channel and story', () => {
    const row = (id: number, channelId: string, storyId: number) => ({ id, channelId, storyId }) as PendingAlert;
    expect(groupByStory([row(1, 'a', 1), row(2, 'a', 1), row(3, 'b', 1), row(4, 'a', 2)]).map((g) => g.map((r) => r.id))).toEqual([[1, 2], [3], [4]]);
  });
});
