// /themes: every theme this server can follow, with what it covers, its query and its hits in 7 days.

import { SlashCommandBuilder } from 'discord.js';
import type { Command } from './command.ts';
import { cut } from '../alerts/render.ts';
import { listThemes, themeHitCounts } from '../../db/themes.ts';

const WEEK_MS = 7 * 86_400_000;

export const themes = {
  data: new SlashCommandBuilder().setName('themes').setDescription('The themes you can subscribe to, with their queries and recent hits'),
  async execute(interaction, { db, now }) {
    const counts = themeHitCounts(db, now() - WEEK_MS);
    const list = listThemes(db, interaction.guildId ?? undefined);
    const fields = list.slice(0, 25).map((t) => ({
      name: cut(`${t.emoji} ${t.name} (${t.id})${t.guildId ? ' · this server' : ''}`, 256),
      value: cut(`${t.description}\n${counts.get(t.id) ?? 0} hits in the last 7 days · threshold ${t.threshold}\n\`${cut(t.query.replace(/\s+/g, ' ').replace(/`/g, "'"), 180)}\``, 1024),
    }));
    return interaction.reply({
      embeds: [{ title: 'Themes', description: 'Subscribe a channel with /subscribe theme:<id>. Custom themes: /theme create.', fields, color: 0x5865f2 }],
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
