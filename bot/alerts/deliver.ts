// Drains the outbox through a sink (the terminal now, Discord later). An alert is marked sent
// only after the sink accepted it; a failure is retried later, never lost.

import { dueAlerts, markRetry, markSent, type PendingAlert } from '../../db/outbox.ts';
import type { Db } from '../../db/open.ts';

export type SinkResult = { ok: true; messageId: string | null } | { ok: false; error: string; retryAfterMs?: number };

export interface AlertSink {
  /** One message for one story in one channel; `alerts` are its rows, one per theme it hit. */
  send(alerts: readonly PendingAlert[]): Promise<SinkResult>;
}

/** A channel gets one alert per story, whatever number of its themes the story hits. */
export function groupByStory(alerts: readonly PendingAlert[]): PendingAlert[][] {
  const groups = new Map<string, PendingAlert[]>();
  for (const a of alerts) {
    const key = `${a.channelId}\u0000${a.storyId}`;
    const group = groups.get(key);
    if (group) group.push(a); else groups.set(key, [a]);
  }
  return [...groups.values()];
}

const RETRY_MS = 60_000;
const BATCH = 100;

/** Sends every due alert; `sent` and `failed` count messages (one per story and channel). */
export async function drainOutbox(db: Db, sink: AlertSink, now: () => number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = dueAlerts(db, now(), BATCH);
    if (batch.length === 0) return { sent, failed };
    for (const group of groupByStory(batch)) {
      const result = await sink.send(group);
      for (const alert of group) {
        if (result.ok) markSent(db, alert.id, result.messageId, now());
        else markRetry(db, alert.id, result.error, now() + (result.retryAfterMs ?? RETRY_MS * 2 ** Math.min(alert.attempts, 6)));
      }
      if (result.ok) sent++; else failed++;
    }
  }
}
