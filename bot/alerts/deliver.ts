// Drains the outbox through a sink (Discord or the terminal). Due rows are planned into
// messages first: one entry per story (whatever number of the channel's themes it hit), up to
// MAX_STORIES stories a message, and the plan is stored with a nonce before anything is posted.
// A message is marked sent only after the sink accepted it; a failure is retried later with the
// same rows and nonce, so a crash between posting and marking never shows a story twice.

import {
  alertsOfMessage, clearEdit, digestAlerts, dueAlerts, markFailed, markRetry, markSent, messagesToEdit, planMessage, plannedAlerts, type PendingAlert,
} from '../../db/outbox.ts';
import { storyReports, type StoryReport } from '../../db/stories.ts';
import type { Db } from '../../db/open.ts';
import { pauseChannel } from '../../db/subscriptions.ts';
import { groupBy } from './group-by.ts';

/** One story for one channel: its rows, one per theme of the channel it hit, same item. */
export interface StoryAlert {
  readonly storyId: number;
  readonly alerts: readonly PendingAlert[];
  /** The story's other reports (other outlets, other languages), first published first. */
  readonly alsoReported?: readonly StoryReport[];
}

export interface OutgoingMessage {
  readonly channelId: string;
  readonly nonce: string;
  readonly stories: readonly StoryAlert[];
  /** Set for a digest: the period's stories in one message, grouped by theme. */
  readonly digest?: 'hourly' | 'daily';
}

export type SinkResult =
  | { ok: true; messageId: string | null }
  /**
   * `channelGone`: the channel was deleted or closed to the bot; its subscriptions pause.
   * `rejected`: Discord refused the message itself (HTTP 400); retrying would not help.
   */
  | { ok: false; error: string; retryAfterMs?: number; channelGone?: boolean; rejected?: boolean };

export interface AlertSink {
  send(message: OutgoingMessage): Promise<SinkResult>;
  /** Replaces a posted message with the same stories rendered again (new reports listed). */
  edit(message: OutgoingMessage, messageId: string): Promise<SinkResult>;
}

/** Discord's limit is 10 embeds a message, one embed per story. */
export const MAX_STORIES = 10;
const RETRY_MS = 60_000;
const BATCH = 500;
const CHANNELS_AT_ONCE = 8;

/** A channel gets one entry per story, whatever number of its themes the story hits. */
export function groupByStory(alerts: readonly PendingAlert[]): StoryAlert[] {
  return [...groupBy(alerts, (a) => `${a.channelId}\u0000${a.storyId}`).values()].map((rows) => ({ storyId: rows[0]!.storyId, alerts: rows }));
}

/** Unplanned due rows into messages: per channel, stories in order, MAX_STORIES at most each. */
export function planMessages(alerts: readonly PendingAlert[]): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  for (const [channelId, stories] of groupBy(groupByStory(alerts), (s) => s.alerts[0]!.channelId)) {
    for (let i = 0; i < stories.length; i += MAX_STORIES) {
      const chunk = stories.slice(i, i + MAX_STORIES);
      // Outbox ids are unique, so the lowest one names the message for good (25 characters at most).
      const nonce = `iw${Math.min(...chunk.flatMap((s) => s.alerts.map((a) => a.id)))}`;
      messages.push({ channelId, nonce, stories: chunk });
    }
  }
  return messages;
}

/** Due rows as messages: those planned before (crash or retry) exactly as planned, then new plans. */
function messagesDue(db: Db, now: number): OutgoingMessage[] {
  const due = dueAlerts(db, now, BATCH);
  const nonces = [...new Set(due.flatMap((a) => (a.nonce ? [a.nonce] : [])))];
  const replanned = nonces.map((nonce) => {
    const rows = plannedAlerts(db, nonce);
    return { channelId: rows[0]!.channelId, nonce, stories: groupByStory(rows) };
  });
  const fresh = planMessages(due.filter((a) => !a.nonce));
  for (const m of fresh) planMessage(db, m.stories.flatMap((s) => s.alerts.map((a) => a.id)), m.nonce);
  return [...replanned, ...fresh];
}

/** Each story with its other reports, read just before rendering so the message is current. */
function withReports(db: Db, message: OutgoingMessage): OutgoingMessage {
  return {
    ...message,
    stories: message.stories.map((s) => ({ ...s, alsoReported: storyReports(db, s.storyId).filter((r) => r.itemId !== s.alerts[0]!.itemId) })),
  };
}

async function deliver(db: Db, sink: AlertSink, message: OutgoingMessage, now: () => number): Promise<boolean> {
  const result = await sink.send(withReports(db, message));
  const rows = message.stories.flatMap((s) => s.alerts);
  db.transaction(() => {
    if (result.ok) for (const a of rows) markSent(db, a.id, result.messageId, now());
    else if (result.channelGone || result.rejected) {
      if (result.channelGone) pauseChannel(db, message.channelId, result.error);
      for (const a of rows) markFailed(db, a.id, result.error);
    } else {
      for (const a of rows) markRetry(db, a.id, result.error, now() + Math.max(1000, result.retryAfterMs ?? RETRY_MS * 2 ** Math.min(a.attempts, 6)));
    }
  })();
  return result.ok;
}

/**
 * Sends each channel's pending stories of a digest mode as one message; a digest planned before
 * (a crash, a failure) goes again as planned first, and new stories wait for the next period.
 */
export async function sendDigests(db: Db, sink: AlertSink, mode: 'hourly' | 'daily', now: () => number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const [channelId, rows] of groupBy(digestAlerts(db, mode, now()), (a) => a.channelId)) {
    const planned = rows.find((a) => a.nonce)?.nonce;
    const chosen = planned ? plannedAlerts(db, planned) : rows;
    const nonce = planned ?? `dg${Math.min(...rows.map((a) => a.id))}`;
    if (!planned) planMessage(db, chosen.map((a) => a.id), nonce);
    const ok = await deliver(db, sink, { channelId, nonce, stories: groupByStory(chosen), digest: mode }, now);
    if (ok) sent++; else failed++;
  }
  return { sent, failed };
}

const EDITS_AT_ONCE = 50;

/**
 * Edits posted messages whose stories got new reports. A message that is gone (404) is not
 * edited again; other failures leave the edit for the next round.
 */
export async function applyEdits(db: Db, sink: AlertSink): Promise<{ edited: number; failed: number }> {
  let edited = 0;
  let failed = 0;
  for (const { channelId, messageId } of messagesToEdit(db, EDITS_AT_ONCE)) {
    const rows = alertsOfMessage(db, messageId);
    const message = withReports(db, { channelId, nonce: rows[0]?.nonce ?? '', stories: groupByStory(rows) });
    const result = await sink.edit(message, messageId);
    if (result.ok || result.channelGone || result.rejected) clearEdit(db, messageId);
    if (result.ok) edited++; else failed++;
  }
  return { edited, failed };
}

/** Sends every due message; counts messages. Channels go in parallel, each channel in order. */
export async function drainOutbox(db: Db, sink: AlertSink, now: () => number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const messages = messagesDue(db, now());
    if (messages.length === 0) return { sent, failed };
    const channels = [...groupBy(messages, (m) => m.channelId).values()];
    const worker = async () => {
      for (let queue = channels.shift(); queue; queue = channels.shift()) {
        for (const m of queue) if (await deliver(db, sink, m, now)) sent++; else failed++;
      }
    };
    await Promise.all(Array.from({ length: CHANNELS_AT_ONCE }, worker));
    // Everything that failed waits for its retry time, so the next round only sees what is new.
  }
}
