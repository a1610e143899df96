// How an alert reads in the terminal: headline, source and time, theme, the terms that fired, link.

import type { PendingAlert } from '../../db/outbox.ts';
import type { Theme } from '../../feeds/types.ts';

export function renderConsoleAlert(alert: PendingAlert, theme: Pick<Theme, 'emoji' | 'name'> | undefined): string {
  const when = new Date(alert.publishedAt).toISOString().replace('T', ' ').slice(0, 16);
  return [
    `${theme?.emoji ?? '•'} ${alert.title || '(no title)'}`,
    `   ${theme?.name ?? alert.themeId} · ${alert.source}${alert.language ? ` (${alert.language})` : ''} · ${when} UTC`,
    `   why: ${alert.terms.join(', ') || '(no terms)'} · score ${alert.score.toFixed(2)}`,
    ...(alert.link ? [`   ${alert.link}`] : []),
    '',
  ].join('\n');
}
