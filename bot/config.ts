// Configuration from the environment (and `.env` when present), validated once at start-up
// with every bad key named. The rest of the bot receives one typed Config.

import { existsSync } from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';

export interface Config {
  readonly databasePath: string;
  readonly pollCron: string;
  /** Items older than this never raise alerts (a new feed never floods a channel). */
  readonly alertMaxAgeMs: number;
  /** An OPML file loaded into an empty database, or undefined for an empty start. */
  readonly defaultFeeds: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly fetchTimeoutMs: number;
  readonly fetchMaxBytes: number;
  readonly pollConcurrency: number;
  readonly perHostConcurrency: number;
  /** Absent: console mode, alerts printed to the terminal. */
  readonly discordToken: string | undefined;
  /** REST base, e.g. https://discord.com/api; the gateway address is asked from it. */
  readonly discordApiUrl: string;
  /** Commands go to this server only (instant, for development); absent: globally. */
  readonly discordGuildId: string | undefined;
  /** When hourly and daily digests are assembled; hourly ones go out every hour on the hour. */
  readonly digestCron: string;
  /** Lets /feeds add accept feeds on private, loopback and link-local addresses (tests). */
  readonly allowPrivateAddresses: boolean;
  readonly maxFeedsPerGuild: number;
  readonly userAgent: string;
}

const DURATION = /^(\d+)\s*(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "24h", "90m", "15s", "2d" to milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}

const duration = (fallback: string) =>
  z.string().default(fallback).transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined || ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration; write e.g. 90s, 15m, 24h or 2d` });
      return z.NEVER;
    }
    return ms;
  });

const positiveInt = (fallback: number, max: number) =>
  z.string().default(String(fallback)).transform((v, ctx) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      ctx.addIssue({ code: 'custom', message: `"${v}" must be a whole number from 1 to ${max}` });
      return z.NEVER;
    }
    return n;
  });

const BYTE_UNITS = { b: 1, kb: 1024, mb: 1024 * 1024 } as const;

const cronExpression = (fallback: string, example: string) =>
  z.string().default(fallback).transform((v, ctx) => {
    if (!cron.validate(v)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a cron expression; e.g. ${example}` });
    return v;
  });

const schema = z.object({
  DATABASE_PATH: z.string().min(1).default('./data/interference-watch.db'),
  POLL_CRON: cronExpression('*/5 * * * *', '*/5 * * * * polls every 5 minutes'),
  DIGEST_CRON: cronExpression('0 8 * * *', '0 8 * * * sends daily digests at 08:00 UTC'),
  ALERT_MAX_AGE: duration('24h'),
  DEFAULT_FEEDS: z.string().default('feeds/default-feeds.opml'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FETCH_TIMEOUT: duration('15s'),
  FETCH_MAX_BYTES: z.string().default('5mb').transform((v, ctx) => {
    const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(v.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a size; write e.g. 5mb or 500kb` });
      return z.NEVER;
    }
    return Number(m[1]) * BYTE_UNITS[(m[2]?.toLowerCase() ?? 'b') as keyof typeof BYTE_UNITS];
  }),
  POLL_CONCURRENCY: positiveInt(8, 64),
  PER_HOST_CONCURRENCY: positiveInt(2, 16),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_API_URL: z.string().url().default('https://discord.com/api').transform((v) => v.replace(/\/+$/, '')),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,21}$/, 'must be a server id (a number of 15 to 21 digits)').optional(),
  ALLOW_PRIVATE_ADDRESSES: z.enum(['0', '1']).default('0'),
  MAX_FEEDS_PER_GUILD: positiveInt(50, 1000),
  BOT_CONTACT_URL: z.string().url().optional(),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function loadConfig(env: Record<string, string | undefined>, version: string): ConfigResult {
  // Empty values mean "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const v = parsed.data;
  return {
    ok: true,
    config: {
      databasePath: v.DATABASE_PATH,
      pollCron: v.POLL_CRON,
      alertMaxAgeMs: v.ALERT_MAX_AGE,
      defaultFeeds: v.DEFAULT_FEEDS.toLowerCase() === 'none' ? undefined : v.DEFAULT_FEEDS,
      logLevel: v.LOG_LEVEL,
      fetchTimeoutMs: v.FETCH_TIMEOUT,
      fetchMaxBytes: v.FETCH_MAX_BYTES,
      pollConcurrency: v.POLL_CONCURRENCY,
      perHostConcurrency: v.PER_HOST_CONCURRENCY,
      discordToken: v.DISCORD_TOKEN,
      discordApiUrl: v.DISCORD_API_URL,
      discordGuildId: v.DISCORD_GUILD_ID,
      digestCron: v.DIGEST_CRON,
      allowPrivateAddresses: v.ALLOW_PRIVATE_ADDRESSES === '1',
      maxFeedsPerGuild: v.MAX_FEEDS_PER_GUILD,
      userAgent: `InterferenceWatch/${version} (self-hosted news monitor${v.BOT_CONTACT_URL ? `; +${v.BOT_CONTACT_URL}` : ''})`,
    },
  };
}

/** Every bad key on its own line, for the terminal. */
export function describeConfigErrors(errors: readonly string[]): string {
  return `fix these settings (see .env.example):\n${errors.map((e) => `  ${e}`).join('\n')}\n`;
}

/** Reads `.env` into process.env when the file exists; real environment variables win. */
export function readDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
