// /unsubscribe: stop a theme's alerts in this channel.

import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { canManage, NEEDS_MANAGE, SERVER_ONLY, userError, type Command } from './command.ts';
import { autocompleteTheme, findTheme } from './theme-choices.ts';
import { unsubscribe as deleteSubscription } from '../../db/subscriptions.ts';

export const unsubscribe = {
  data: new SlashCommandBuilder()
    .setName('unsubscribe')
    .setDescription("Stop a theme's alerts in this channel")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) => o.setName('theme').setDescription('Theme').setRequired(true).setAutocomplete(true)),
  async execute(interaction, { db }) {
    if (!interaction.guildId) return interaction.reply(SERVER_ONLY);
    if (!canManage(interaction)) return interaction.reply(NEEDS_MANAGE);
    const given = interaction.options.getString('theme', true);
    const themeId = findTheme(db, interaction.guildId, given)?.id ?? given;
    return interaction.reply(deleteSubscription(db, interaction.channelId, themeId)
      ? { content: `This channel no longer receives **${themeId}** alerts.`, allowedMentions: { parse: [] } }
      : userError(`This channel is not subscribed to "${given.slice(0, 60)}"; /subscriptions lists what it receives.`));
  },
  autocomplete: (interaction, { db }) => autocompleteTheme(interaction, db),
} satisfies Command;
