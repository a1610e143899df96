// When to poll a feed next: on schedule after success, exponentially later after failures
// (5 minutes doubling to 24 hours, or the server's Retry-After), dead after 3 days of failing.

const MINUTE = 60_000;
export const BACKOFF = { firstMs: 5 * MINUTE, maxMs: 24 * 60 * MINUTE, deadAfterMs: 3 * 24 * 60 * MINUTE } as const;

export function failureDelayMs(consecutiveFailures: number, retryAfterMs?: number): number {
  const exponential = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.min(BACKOFF.maxMs, Math.max(exponential, retryAfterMs ?? 0));
}

export function isDead(failingSince: number, now: number): boolean {
  return now - failingSince >= BACKOFF.deadAfterMs;
}

export function describeDelay(ms: number): string {
  if (ms < 90 * MINUTE) return `${Math.round(ms / MINUTE)} min`;
  return `${Math.round(ms / (60 * MINUTE))} h`;
}
