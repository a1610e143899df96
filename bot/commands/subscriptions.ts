// /subscriptions: what this channel (or, with all, the whole server) receives, paused ones with why.

import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { SERVER_ONLY, type Command } from './command.ts';
import { cut } from '../alerts/render.ts';
import { flagOf } from '../../feeds/countries/recognise.ts';
import { channelSubscriptions, guildSubscriptions, type Subscription } from '../../db/subscriptions.ts';

export function describeSubscription(s: Subscription, withChannel: boolean): string {
  const filters = [
    s.minScore > 0 ? `score ≥ ${s.minScore}` : '',
    s.languages.length > 0 ? s.languages.join(', ') : '',
    s.countries.length > 0 ? s.countries.map(flagOf).join(' ') : '',
    s.mode !== 'instant' ? `${s.mode} digest` : '',
  ].filter(Boolean).join(' · ');
  return `${withChannel ? `<#${s.channelId}> ` : ''}**${s.themeId}**${filters ? ` (${filters})` : ''}${s.pausedReason ? ` — ⏸ paused: ${cut(s.pausedReason, 200)}; run /subscribe there to resume` : ''}`;
}

export const subscriptions = {
  data: new SlashCommandBuilder()
    .setName('subscriptions')
    .setDescription('What this channel receives; all:true for the whole server')
    .setContexts(InteractionContextType.Guild)
    .addBooleanOption((o) => o.setName('all').setDescription('Every channel of this server')),
  async execute(interaction, { db }) {
    if (!interaction.guildId) return interaction.reply(SERVER_ONLY);
    const all = interaction.options.getBoolean('all') ?? false;
    const list = all ? guildSubscriptions(db, interaction.guildId) : channelSubscriptions(db, interaction.channelId);
    const where = all ? 'This server' : 'This channel';
    const content = list.length === 0
      ? `${where} has no subscriptions. /subscribe adds one; /themes lists the themes.`
      : `${where} receives:\n${list.map((s) => `• ${describeSubscription(s, all)}`).join('\n')}`;
    return interaction.reply({ content: cut(content, 2000), allowedMentions: { parse: [] } });
  },
} satisfies Command;
