// Configuration: defaults, parsing, and every bad key named.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.ts';

describe('loadConfig', () => {
  it('has working defaults: console mode, 5-minute polls, 24 h alert age', () => {
    const r = loadConfig({}, '0.1.0');
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.config).toMatchObject({
      databasePath: './data/interference-watch.db', pollCron: '*/5 * * * *', alertMaxAgeMs: 86_400_000,
      defaultFeeds: 'feeds/default-feeds.opml', fetchTimeoutMs: 15_000, fetchMaxBytes: 5 * 1024 * 1024, discordToken: undefined,
    });
    expect(r.config.userAgent).toBe('InterferenceWatch/0.1.0 (self-hosted news monitor)');
  });

  it('reads values, treats empty ones as unset, and DEFAULT_FEEDS=none as an empty start', () => {
    const r = loadConfig({ ALERT_MAX_AGE: '90m', DEFAULT_FEEDS: 'none', DISCORD_TOKEN: '', FETCH_MAX_BYTES: '500kb', BOT_CONTACT_URL: 'https://example.org/bot' }, '1');
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.config).toMatchObject({ alertMaxAgeMs: 5_400_000, defaultFeeds: undefined, discordToken: undefined, fetchMaxBytes: 512_000 });
    expect(r.config.userAgent).toContain('+https://example.org/bot');
  });

  it('names every bad key', () => {
    const r = loadConfig({ POLL_CRON: 'often', ALERT_MAX_AGE: 'a day', POLL_CONCURRENCY: '0', LOG_LEVEL: 'loud' }, '1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.split(':')[0]).sort()).toEqual(['ALERT_MAX_AGE', 'LOG_LEVEL', 'POLL_CONCURRENCY', 'POLL_CRON']);
    expect(r.errors.join('\n')).toContain('POLL_CRON: "often" is not a cron expression');
  });
});
