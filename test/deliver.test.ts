// Delivery: one entry per story and channel, up to 10 stories a message, a plan and nonce stored
// before posting and kept for retries, marked sent only when the sink accepts, a closed channel
// paused.

import { describe, expect, it } from 'vitest';
import { drainOutbox, planMessages, sendDigests, type AlertSink, type OutgoingMessage } from '../bot/alerts/deliver.ts';
import { insertFeed } from '../db/feeds.ts';
import { openDatabase } from '../db/open.ts';
import { outboxCounts, type PendingAlert } from '../db/outbox.ts';
import { channelSubscriptions, ensureConsoleSubscriptions, subscribe } from '../db/subscriptions.ts';
import { upsertBuiltinThemes } from '../db/themes.ts';
import { classifyItem } from '../feeds/classify.ts';
import { ingestItems } from '../feeds/ingest.ts';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import type { NewsItem } from '../feeds/types.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const selected = (() => {
  const s = builtinMatcher();
  if (!s.ok) throw new Error(s.error);
  return s;
})();

function setup(titles: readonly string[], channels: 'console' | readonly string[] = 'console', mode: 'instant' | 'daily' = 'instant') {
  const db = openDatabase(':memory:');
  upsertBuiltinThemes(db, selected.themes, NOW);
  if (channels === 'console') ensureConsoleSubscriptions(db, selected.themes.map((t) => t.id), NOW);
  else {
    for (const channelId of channels) {
      for (const themeId of ['cyberattacks', 'expulsions']) {
        subscribe(db, { guildId: 'g1', channelId, themeId, minScore: 0, languages: [], mode, createdBy: 'u' }, NOW);
      }
    }
  }
  insertFeed(db, 'https://x.example/rss', {}, NOW);
  const items: NewsItem[] = titles.map((title, i) => ({
    guid: `g${i}`, link: `https://x.example/${i}`, title, summary: '', text: '', publishedAt: new Date(NOW), language: 'en', source: 'X',
  }));
  ingestItems(db, 1, items, new Map(items.map((item) => [item, classifyItem(item, selected.matcher)])), NOW, 86_400_000);
  return db;
}

function recorder(answer: (m: OutgoingMessage) => Awaited<ReturnType<AlertSink['send']>> = () => ({ ok: true, messageId: 'm1' })) {
  const sent: OutgoingMessage[] = [];
  const sink: AlertSink = { send: async (m) => { sent.push(m); return answer(m); }, edit: async () => ({ ok: true, messageId: 'm1' }) };
  return { sent, sink };
}

describe('drainOutbox', () => {
  it('sends one entry for a story that hit three themes, and marks every row sent', async () => {
    const db = setup(['Russian hackers behind cyberattack; disinformation campaign targeted voters before election']);
    expect(outboxCounts(db).pending).toBe(3);
    const { sent, sink } = recorder();
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.stories).toHaveLength(1);
    expect(sent[0]!.stories[0]!.alerts.map((a) => a.themeId).sort()).toEqual(['cyberattacks', 'disinformation', 'election-interference']);
    expect(outboxCounts(db)).toEqual({ pending: 0, sent: 3, failed: 0 });
    // The message id is kept, so later reports of the story can edit the message.
    expect(db.prepare('SELECT DISTINCT message_id AS id FROM outbox').all()).toEqual([{ id: 'm1' }]);
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 0, failed: 0 });
  });

  it('packs up to 10 stories of a channel into a message, each channel apart', async () => {
    // Twelve different events: each a different country expelling a diplomat.
    const countries = ['Estonia', 'Latvia', 'Lithuania', 'Poland', 'Czechia', 'Slovakia', 'Romania', 'Bulgaria', 'Finland', 'Sweden', 'Denmark', 'Norway'];
    const titles = countries.map((c) => `${c} expels Chinese diplomat`);
    const db = setup(titles, ['c1', 'c2']);
    const { sent, sink } = recorder();
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 4, failed: 0 });
    const sizes = sent.map((m) => `${m.channelId}:${m.stories.length}`).sort();
    expect(sizes).toEqual(['c1:10', 'c1:2', 'c2:10', 'c2:2']);
    expect(new Set(sent.map((m) => m.nonce)).size).toBe(4);
    expect(sent.every((m) => /^iw\d+$/.test(m.nonce) && m.nonce.length <= 25)).toBe(true);
  });

  it('retries a refused message later with the same rows and the same nonce', async () => {
    const db = setup(['Estonia expels Russian diplomat', 'Latvia expels Russian diplomat'], ['c1']);
    const refusing = recorder(() => ({ ok: false, error: 'HTTP 503', retryAfterMs: 30_000 }));
    expect(await drainOutbox(db, refusing.sink, () => NOW)).toEqual({ sent: 0, failed: 1 });
    expect(outboxCounts(db).pending).toBe(2);
    // A story that arrives meanwhile does not join the planned message: it gets its own.
    const accepting = recorder();
    expect(await drainOutbox(db, accepting.sink, () => NOW + 10_000)).toEqual({ sent: 0, failed: 0 });
    expect(await drainOutbox(db, accepting.sink, () => NOW + 30_000)).toEqual({ sent: 1, failed: 0 });
    expect(accepting.sent[0]!.nonce).toBe(refusing.sent[0]!.nonce);
    expect(accepting.sent[0]!.stories.map((s) => s.storyId)).toEqual(refusing.sent[0]!.stories.map((s) => s.storyId));
  });

  it('after a crash between posting and marking, sends the planned message again, same nonce', async () => {
    const db = setup(['Estonia expels Russian diplomat'], ['c1']);
    const crashing: AlertSink = { send: async () => { throw new Error('killed'); }, edit: async () => { throw new Error('killed'); } };
    await expect(drainOutbox(db, crashing, () => NOW)).rejects.toThrow('killed');
    const nonce = (db.prepare('SELECT nonce FROM outbox').get() as { nonce: string }).nonce;
    const { sent, sink } = recorder();
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 1, failed: 0 });
    expect(sent[0]!.nonce).toBe(nonce);
  });

  it('pauses a channel the bot can no longer post in, and gives up its rows', async () => {
    const db = setup(['Estonia expels Russian diplomat'], ['c1', 'c2']);
    const { sent, sink } = recorder((m) => (m.channelId === 'c1' ? { ok: false, error: 'channel c1 is gone (HTTP 404)', channelGone: true } : { ok: true, messageId: 'm' }));
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 1, failed: 1 });
    expect(channelSubscriptions(db, 'c1').map((s) => s.pausedReason)).toEqual(['channel c1 is gone (HTTP 404)', 'channel c1 is gone (HTTP 404)']);
    expect(channelSubscriptions(db, 'c2').every((s) => s.pausedReason === null)).toBe(true);
    expect(outboxCounts(db)).toEqual({ pending: 0, sent: 1, failed: 1 });
    expect(sent).toHaveLength(2);
  });

  it('plans by channel, then story', () => {
    const row = (id: number, channelId: string, storyId: number) => ({ id, channelId, storyId }) as PendingAlert;
    const plan = planMessages([row(5, 'a', 1), row(2, 'a', 1), row(3, 'b', 1), row(4, 'a', 2)]);
    expect(plan.map((m) => [m.channelId, m.nonce, m.stories.map((s) => s.alerts.map((a) => a.id))])).toEqual([
      ['a', 'iw2', [[5, 2], [4]]],
      ['b', 'iw3', [[3]]],
    ]);
  });

  it('holds digest subscriptions back from instant delivery and sends each channel one digest', async () => {
    const db = setup(['Estonia expels Russian diplomat', 'Latvia expels Russian diplomat', 'Hackers hit ministry in ransomware attack'], ['c1', 'c2'], 'daily');
    const { sent, sink } = recorder();
    expect(await drainOutbox(db, sink, () => NOW)).toEqual({ sent: 0, failed: 0 });
    expect(await sendDigests(db, sink, 'hourly', () => NOW)).toEqual({ sent: 0, failed: 0 });
    expect(await sendDigests(db, sink, 'daily', () => NOW)).toEqual({ sent: 2, failed: 0 });
    expect(sent.map((m) => [m.channelId, m.digest, m.stories.length])).toEqual([['c1', 'daily', 3], ['c2', 'daily', 3]]);
    expect(sent[0]!.nonce).toMatch(/^dg\d+$/);
    expect(outboxCounts(db)).toEqual({ pending: 0, sent: 6, failed: 0 });
    expect(await sendDigests(db, sink, 'daily', () => NOW)).toEqual({ sent: 0, failed: 0 });
  });
});
