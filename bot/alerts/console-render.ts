// How an alert reads in the terminal: headline, source and time, theme, the terms that fired, link.

import type { PendingAlert } from '../../db/outbox.ts';
import type { Theme } from '../../feeds/types.ts';

/** One story's alert: the rows are the themes it hit in this channel, all for the same item. */
export function renderConsoleAlert(alerts: readonly PendingAlert[], themes: readonly Pick<Theme, 'id' | 'emoji' | 'name'>[]): string {
  const first = alerts[0]!;
  const themeOf = (a: PendingAlert) => themes.find((t) => t.id === a.themeId);
  const when = new Date(first.publishedAt).toISOString().replace('T', ' ').slice(0, 16);
  return [
    `${alerts.map((a) => themeOf(a)?.emoji ?? '•').join('')} ${first.title || '(no title)'}`,
    `   ${first.source}${first.language ? ` (${first.language})` : ''} · ${when} UTC`,
    ...alerts.map((a) => `   ${themeOf(a)?.name ?? a.themeId}: ${a.terms.join(', ') || '(no terms)'} · score ${a.score.toFixed(2)}`),
    ...(first.link ? [`   ${first.link}`] : []),
    '',
  ].join('\n');
}
