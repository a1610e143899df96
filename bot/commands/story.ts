// /story: every report of one story, with sources, languages and times; the id is in each
// alert's footer.

import { SlashCommandBuilder } from 'discord.js';
import { userError, type Command } from './command.ts';
import { cut, inert, linked } from '../alerts/render.ts';
import { getStory, storyReports } from '../../db/stories.ts';
import { listThemes } from '../../db/themes.ts';
import { flagOf } from '../../feeds/countries/recognise.ts';

const SHOWN = 20;

export const story = {
  data: new SlashCommandBuilder()
    .setName('story')
    .setDescription('Every report of a story: sources, languages, times')
    .addIntegerOption((o) => o.setName('id').setDescription("The story's number, from an alert's footer").setRequired(true).setMinValue(1)),
  async execute(interaction, { db }) {
    const id = interaction.options.getInteger('id', true);
    const found = getStory(db, id);
    if (!found) return interaction.reply(userError(`There is no story ${id}. Alerts show their story's number at the bottom.`));
    const reports = storyReports(db, id);
    const themes = listThemes(db, interaction.guildId ?? undefined);
    const lines = reports.slice(0, SHOWN).map((r) =>
      `• ${linked(inert(r.source, 60), r.link)}${r.language ? ` (${r.language})` : ''} <t:${Math.floor(r.publishedAt / 1000)}:f>\n  ${inert(r.title, 110)}`);
    if (reports.length > SHOWN) lines.push(`…and ${reports.length - SHOWN} more`);
    const themeLine = found.themes.map((t) => { const look = themes.find((x) => x.id === t); return look ? `${look.emoji} ${look.name}` : t; }).join(' · ');
    return interaction.reply({
      embeds: [{
        title: cut(`Story ${id}: ${inert(found.title, 240)}`, 256),
        description: cut(lines.join('\n'), 4096),
        fields: [
          { name: 'Themes', value: cut(themeLine || '—', 1024), inline: true },
          { name: 'Countries', value: cut(found.countries.map(flagOf).join(' ') || '—', 1024), inline: true },
          { name: 'Reports', value: `${reports.length} in ${new Set(reports.map((r) => r.language ?? '?')).size} languages`, inline: true },
        ],
        color: 0x5865f2,
      }],
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
