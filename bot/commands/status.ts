// /status: is the bot healthy: version, uptime, the last cycle, feeds, outbox, paused subscriptions.

import { SlashCommandBuilder } from 'discord.js';
import type { Command } from './command.ts';
import { describeSubscription } from './subscriptions.ts';
import { cut } from '../alerts/render.ts';
import { outboxCounts } from '../../db/outbox.ts';
import { getMeta } from '../../db/meta.ts';
import { feedHealth } from '../../db/status.ts';
import { pausedSubscriptions } from '../../db/subscriptions.ts';

export const LAST_CYCLE_KEY = 'last_cycle';

/** What main records after every cycle. */
export interface CycleFigures { readonly at: number; readonly feeds: number; readonly notModified: number; readonly errors: number; readonly new: number; readonly hits: number; readonly ms: number }

function duration(ms: number): string {
  const m = Math.floor(ms / 60_000);
  return m < 60 ? `${m} min` : m < 1440 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
}

export const status = {
  data: new SlashCommandBuilder().setName('status').setDescription("The bot's health: feeds, last polling cycle, delivery"),
  async execute(interaction, { db, now, startedAt, version }) {
    const raw = getMeta(db, LAST_CYCLE_KEY);
    const cycle = raw ? (JSON.parse(raw) as CycleFigures) : undefined;
    const feeds = feedHealth(db);
    const outbox = outboxCounts(db);
    const paused = pausedSubscriptions(db).filter((s) => s.guildId === interaction.guildId);
    const lines = [
      `**Interference Watch ${version}**, up ${duration(now() - startedAt)}`,
      cycle
        ? `Last cycle <t:${Math.floor(cycle.at / 1000)}:R>: ${cycle.feeds} feeds polled, ${cycle.notModified} not modified, ${cycle.errors} failed, ${cycle.new} new items, ${cycle.hits} hits, ${(cycle.ms / 1000).toFixed(1)} s`
        : 'No polling cycle has run yet.',
      `Feeds: ${feeds.ok} ok, ${feeds.failing} failing, ${feeds.dead} dead${feeds.disabled ? `, ${feeds.disabled} disabled` : ''}`,
      `Outbox: ${outbox.pending} alerts waiting, ${outbox.sent} sent, ${outbox.failed} given up`,
      paused.length > 0 ? `Paused subscriptions here:\n${paused.map((s) => `• ${describeSubscription(s, true)}`).join('\n')}` : 'No paused subscription here.',
    ];
    return interaction.reply({ content: cut(lines.join('\n'), 2000), allowedMentions: { parse: [] } });
  },
} satisfies Command;
