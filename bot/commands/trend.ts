// /trend: a chart of stories per day per theme over the last days, posted as an image.

import { AttachmentBuilder, SlashCommandBuilder } from 'discord.js';
import { userError, type Command } from './command.ts';
import { autocompleteTheme, findTheme, unknownTheme } from './theme-choices.ts';
import { trendChart } from '../trend/chart.ts';
import { listThemes } from '../../db/themes.ts';

export const trend = {
  data: new SlashCommandBuilder()
    .setName('trend')
    .setDescription('A chart of stories per day per theme')
    .addStringOption((o) => o.setName('theme').setDescription('One theme (default: all)').setAutocomplete(true))
    .addIntegerOption((o) => o.setName('days').setDescription('How far back (2 to 365, default 30)').setMinValue(2).setMaxValue(365)),
  async execute(interaction, { db, now }) {
    const given = interaction.options.getString('theme');
    const theme = given ? findTheme(db, interaction.guildId, given) : undefined;
    if (given && !theme) return interaction.reply(userError(unknownTheme(db, interaction.guildId, given)));
    const days = interaction.options.getInteger('days') ?? 30;
    // Rendering takes a moment; Discord wants an answer within 3 seconds.
    await interaction.deferReply();
    const themes = theme ? [theme] : listThemes(db, interaction.guildId ?? undefined);
    const chart = await trendChart(db, themes, days, now());
    const file = new AttachmentBuilder(chart.png, { name: 'trend.png', description: `Stories per day per theme, last ${days} days` });
    return interaction.editReply({
      content: `${chart.stories} stories in the last ${days} days${theme ? ` for ${theme.emoji} ${theme.name}` : ''}.`,
      files: [file],
      allowedMentions: { parse: [] },
    });
  },
  autocomplete: (interaction, { db }) => autocompleteTheme(interaction, db),
} satisfies Command;
