// /theme create|test|delete: a server's own themes, in the same query language as the built-in
// ones. A query is tried on the stored items before anything is saved.

import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { canManage, NEEDS_MANAGE, SERVER_ONLY, userError, type Command } from './command.ts';
import { renderItemList } from './hit-list.ts';
import { findTheme } from './theme-choices.ts';
import { countGuildThemes, deleteCustomTheme, insertCustomTheme, listThemes } from '../../db/themes.ts';
import type { Db } from '../../db/open.ts';
import { searchItems } from '../../feeds/search.ts';
import { parseQuery } from '../../feeds/themes/query/parse.ts';

const MAX_THEMES_PER_GUILD = 25;
const DRY_RUN_DAYS = 30;
const DRY_RUN_CAP = 1000;

/** "Sanctions evasion!" to "sanctions-evasion"; the server id keeps ids apart across servers. */
export function customThemeId(name: string, guildId: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'theme';
  return `${slug}.${guildId}`;
}

function dryRun(db: Db, guildId: string, query: string, now: number) {
  const result = searchItems(db, query, { sinceMs: now - DRY_RUN_DAYS * 86_400_000, limit: DRY_RUN_CAP });
  if (!result.ok) return result;
  const count = result.hits.length;
  const examples = result.hits.slice(0, 5).map((h) => ({ ...h.item, themeIds: [], terms: h.terms }));
  const counted = count >= DRY_RUN_CAP ? `at least ${DRY_RUN_CAP}` : String(count);
  return { ok: true as const, count, summary: `${counted} stored items of the last ${DRY_RUN_DAYS} days match`, examples, themes: listThemes(db, guildId) };
}

export const theme = {
  data: new SlashCommandBuilder()
    .setName('theme')
    .setDescription("This server's own themes")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s.setName('create').setDescription('Create a theme from a query')
      .addStringOption((o) => o.setName('name').setDescription('Its name, e.g. Sanctions evasion').setRequired(true).setMaxLength(40))
      .addStringOption((o) => o.setName('query').setDescription('e.g. sanction* NEAR/6 (evad* OR circumvent*)').setRequired(true).setMaxLength(1000))
      .addStringOption((o) => o.setName('description').setDescription('What it covers').setMaxLength(200))
      .addNumberOption((o) => o.setName('threshold').setDescription('Minimum score for a hit, 0 to 1 (default 0)').setMinValue(0).setMaxValue(1)))
    .addSubcommand((s) => s.setName('test').setDescription('Try a query on the last 30 days of stored items, saving nothing')
      .addStringOption((o) => o.setName('query').setDescription('The query to try').setRequired(true).setMaxLength(1000)))
    .addSubcommand((s) => s.setName('delete').setDescription("Delete one of this server's themes and its subscriptions")
      .addStringOption((o) => o.setName('name').setDescription('Theme name or id').setRequired(true))),
  async execute(interaction, { db, now, themesChanged }) {
    const guildId = interaction.guildId;
    if (!guildId) return interaction.reply(SERVER_ONLY);
    if (!canManage(interaction)) return interaction.reply(NEEDS_MANAGE);
    const sub = interaction.options.getSubcommand();

    if (sub === 'delete') {
      const given = interaction.options.getString('name', true);
      const found = findTheme(db, guildId, given);
      if (!found || found.guildId !== guildId) {
        return interaction.reply(userError(found ? `"${found.name}" is a built-in theme and cannot be deleted.` : `This server has no theme "${given.slice(0, 60)}".`));
      }
      deleteCustomTheme(db, guildId, found.id);
      await themesChanged();
      return interaction.reply({ content: `Deleted the theme **${found.name}** and its subscriptions.`, allowedMentions: { parse: [] } });
    }

    const query = interaction.options.getString('query', true);
    const parsed = parseQuery(query);
    if (!parsed.ok) return interaction.reply(userError(`That query does not parse: ${parsed.error}`));

    if (sub === 'test') {
      await interaction.deferReply({ flags: 64 });
      const run = dryRun(db, guildId, query, now());
      if (!run.ok) return interaction.editReply({ content: `The dry run failed: ${run.error}` });
      return interaction.editReply({ content: `${run.summary}. Nothing was saved.`, embeds: run.examples.length > 0 ? [renderItemList('Examples', run.examples, run.themes, 'Newest first')] : [] });
    }

    const name = interaction.options.getString('name', true).trim();
    if (countGuildThemes(db, guildId) >= MAX_THEMES_PER_GUILD) return interaction.reply(userError(`This server already has ${MAX_THEMES_PER_GUILD} themes; delete one first with /theme delete.`));
    const id = customThemeId(name, guildId);
    if (findTheme(db, guildId, name)) return interaction.reply(userError(`A theme called "${name}" already exists here.`));
    await interaction.deferReply();
    const saved = insertCustomTheme(db, {
      id, name, query, description: interaction.options.getString('description') ?? `Custom theme: ${query.slice(0, 150)}`,
      threshold: interaction.options.getNumber('threshold') ?? 0, colour: 0x95a5a6, emoji: '🔎',
    }, guildId, interaction.user.id, now());
    if (!saved) return interaction.editReply({ content: `A theme with the id ${id} already exists here.` });
    await themesChanged();
    const run = dryRun(db, guildId, query, now());
    return interaction.editReply({
      content: `Created the theme 🔎 **${name}**. ${run.ok ? `${run.summary}. ` : ''}New items are matched from now on; /subscribe theme:${name} posts them here.`,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
