// /subscribe: this channel gets a theme's alerts, and sees at once the kind of story it will get.

import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { canManage, NEEDS_MANAGE, SERVER_ONLY, userError, type Command } from './command.ts';
import { parseCountries, parseLanguages } from './filters.ts';
import { renderItemList } from './hit-list.ts';
import { autocompleteTheme, findTheme, unknownTheme } from './theme-choices.ts';
import { recentHits } from '../../db/recent.ts';
import { subscribe as saveSubscription, type DeliveryMode } from '../../db/subscriptions.ts';
import { listThemes } from '../../db/themes.ts';
import { flagOf } from '../../feeds/countries/recognise.ts';

export const subscribe = {
  data: new SlashCommandBuilder()
    .setName('subscribe')
    .setDescription("Post a theme's alerts in this channel")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('theme').setDescription('Theme to follow').setRequired(true).setAutocomplete(true))
    .addNumberOption((o) => o.setName('min_score').setDescription('Only stories scoring at least this (0 to 1; default 0)').setMinValue(0).setMaxValue(1))
    .addStringOption((o) => o.setName('languages').setDescription('Only these languages, e.g. "en, fr, de" (default: all)').setMaxLength(200))
    .addStringOption((o) => o.setName('countries').setDescription('Only stories involving one of these countries, e.g. "BE, NL" (default: any)').setMaxLength(200))
    .addStringOption((o) => o.setName('mode').setDescription('Each story at once (default), or an hourly or daily digest').addChoices(
      { name: 'instant', value: 'instant' }, { name: 'hourly digest', value: 'hourly' }, { name: 'daily digest', value: 'daily' },
    )),
  async execute(interaction, { db, now }) {
    if (!interaction.guildId) return interaction.reply(SERVER_ONLY);
    if (!canManage(interaction)) return interaction.reply(NEEDS_MANAGE);
    const given = interaction.options.getString('theme', true);
    const theme = findTheme(db, interaction.guildId, given);
    if (!theme) return interaction.reply(userError(unknownTheme(db, interaction.guildId, given)));
    const languages = parseLanguages(interaction.options.getString('languages'));
    if (!languages.ok) return interaction.reply(userError(languages.error));
    const countries = parseCountries(interaction.options.getString('countries'));
    if (!countries.ok) return interaction.reply(userError(countries.error));
    const minScore = interaction.options.getNumber('min_score') ?? 0;
    const mode = (interaction.options.getString('mode') ?? 'instant') as DeliveryMode;
    const outcome = saveSubscription(db, {
      guildId: interaction.guildId, channelId: interaction.channelId, themeId: theme.id, minScore, languages: languages.codes, countries: countries.codes, mode,
      createdBy: interaction.user.id,
    }, now());
    const filters = [
      minScore > 0 ? `score ≥ ${minScore}` : '',
      languages.codes.length > 0 ? `languages ${languages.codes.join(', ')}` : '',
      countries.codes.length > 0 ? `countries ${countries.codes.map(flagOf).join(' ')}` : '',
      mode !== 'instant' ? `${mode} digest` : '',
    ].filter(Boolean).join(', ');
    const recent = recentHits(db, { themeIds: [theme.id], limit: 5, offset: 0 });
    const content = `${outcome === 'created' ? 'Subscribed' : 'Updated'}: this channel gets ${theme.emoji} **${theme.name}** alerts${filters ? ` (${filters})` : ''}.`
      + (recent.length > 0 ? ' The latest stories of this theme:' : ' No story of this theme is stored yet; alerts arrive as feeds report them.');
    return interaction.reply({
      content,
      embeds: recent.length > 0 ? [renderItemList(`Recent: ${theme.name}`, recent, listThemes(db, interaction.guildId), 'Unsubscribe with /unsubscribe')] : [],
      allowedMentions: { parse: [] },
    });
  },
  autocomplete: (interaction, { db }) => autocompleteTheme(interaction, db),
} satisfies Command;
