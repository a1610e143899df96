// Drains the outbox through a sink (the terminal now, Discord later). An alert is marked sent
// only after the sink accepted it; a failure is retried later, never lost.

import { dueAlerts, markRetry, markSent, type PendingAlert } from '../../db/outbox.ts';
import type { Db } from '../../db/open.ts';

export type SinkResult = { ok: true; messageId: string | null } | { ok: false; error: string; retryAfterMs?: number };

export interface AlertSink {
  send(alert: PendingAlert): Promise<SinkResult>;
}

const RETRY_MS = 60_000;
const BATCH = 100;

export async function drainOutbox(db: Db, sink: AlertSink, now: () => number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = dueAlerts(db, now(), BATCH);
    if (batch.length === 0) return { sent, failed };
    for (const alert of batch) {
      const result = await sink.send(alert);
      if (result.ok) {
        markSent(db, alert.id, result.messageId, now());
        sent++;
      } else {
        markRetry(db, alert.id, result.error, now() + (result.retryAfterMs ?? RETRY_MS * 2 ** Math.min(alert.attempts, 6)));
        failed++;
      }
    }
  }
}
