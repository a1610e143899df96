// /recent: the latest stored stories of a theme (or of every theme), newest first, with pages.

import { SlashCommandBuilder } from 'discord.js';
import { userError, type Command } from './command.ts';
import { parseCountries } from './filters.ts';
import { pageButtons, renderItemList } from './hit-list.ts';
import { autocompleteTheme, findTheme, unknownTheme } from './theme-choices.ts';
import { recentHits } from '../../db/recent.ts';
import { listThemes } from '../../db/themes.ts';
import { flagOf } from '../../feeds/countries/recognise.ts';
import type { Db } from '../../db/open.ts';

function page(db: Db, guildId: string | null, themeId: string | undefined, country: string | undefined, offset: number, limit: number) {
  const themes = listThemes(db, guildId ?? undefined);
  const ids = themeId ? [themeId] : themes.map((t) => t.id);
  const hits = recentHits(db, { themeIds: ids, limit: limit + 1, offset, ...(country ? { country } : {}) });
  const shown = hits.slice(0, limit);
  const name = `${themeId ? themes.find((t) => t.id === themeId)?.name ?? themeId : 'all themes'}${country ? ` ${flagOf(country)}` : ''}`;
  const footer = shown.length > 0 ? `Stories ${offset + 1}–${offset + shown.length}, newest first` : 'Nothing stored yet';
  return {
    embeds: [renderItemList(`Recent: ${name}`, shown, themes, footer)],
    components: pageButtons(`recent:${themeId ?? '*'}:${country ?? '*'}:${limit}`, offset, limit, hits.length > limit),
    allowedMentions: { parse: [] as const },
  };
}

export const recent = {
  data: new SlashCommandBuilder()
    .setName('recent')
    .setDescription('The latest stories, of one theme or all')
    .addStringOption((o) => o.setName('theme').setDescription('Theme (default: all)').setAutocomplete(true))
    .addIntegerOption((o) => o.setName('limit').setDescription('How many a page (1 to 10, default 5)').setMinValue(1).setMaxValue(10))
    .addStringOption((o) => o.setName('country').setDescription('Only stories involving this country, e.g. BE').setMinLength(2).setMaxLength(2)),
  async execute(interaction, { db }) {
    const given = interaction.options.getString('theme');
    const theme = given ? findTheme(db, interaction.guildId, given) : undefined;
    if (given && !theme) return interaction.reply(userError(unknownTheme(db, interaction.guildId, given)));
    const country = parseCountries(interaction.options.getString('country'));
    if (!country.ok) return interaction.reply(userError(country.error));
    return interaction.reply(page(db, interaction.guildId, theme?.id, country.codes[0], 0, interaction.options.getInteger('limit') ?? 5));
  },
  autocomplete: (interaction, { db }) => autocompleteTheme(interaction, db),
  async button(interaction, { db }, [themeId, country, limit, offset]) {
    const optional = (v: string | undefined) => (v && v !== '*' ? v : undefined);
    return interaction.update(page(db, interaction.guildId, optional(themeId), optional(country), Math.max(0, Number(offset) || 0), Math.min(10, Math.max(1, Number(limit) || 5))));
  },
} satisfies Command;
