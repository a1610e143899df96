// /feeds list|add|remove: a server's own feeds, polled beside the default ones. A new feed must
// answer and parse before it is saved, and must be on the public internet.

import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { canManage, NEEDS_MANAGE, SERVER_ONLY, userError, type Command } from './command.ts';
import { cut, escapeFeedText } from '../alerts/render.ts';
import { countSharedFeeds, getFeed, guildFeeds, deleteGuildFeed, insertGuildFeed, type Feed } from '../../db/feeds.ts';
import { checkNewFeed } from '../../feeds/check-feed.ts';
import { canonicalLink, isHttpUrl } from '../../feeds/parse/links.ts';

function health(f: Feed): string {
  if (f.status === 'dead') return `☠️ dead: ${cut(f.lastError ?? '', 150)}`;
  if (f.status === 'disabled') return '⏹ disabled';
  if (f.consecutiveFailures > 0) return `⚠️ failing: ${cut(f.lastError ?? '', 150)}`;
  return f.lastOkAt ? '✅ ok' : '⏳ not polled yet';
}

export const feeds = {
  data: new SlashCommandBuilder()
    .setName('feeds')
    .setDescription("This server's own feeds, polled beside the default ones")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s.setName('list').setDescription("This server's feeds and their health"))
    .addSubcommand((s) => s.setName('add').setDescription('Watch one more RSS, Atom or JSON feed')
      .addStringOption((o) => o.setName('url').setDescription('The feed address, https://…').setRequired(true).setMaxLength(500)))
    .addSubcommand((s) => s.setName('remove').setDescription("Stop watching one of this server's feeds")
      .addStringOption((o) => o.setName('url').setDescription('The feed address, as /feeds list shows it').setRequired(true).setMaxLength(500))),
  async execute(interaction, { db, config, now, fetchFeed }) {
    const guildId = interaction.guildId;
    if (!guildId) return interaction.reply(SERVER_ONLY);
    if (!canManage(interaction)) return interaction.reply(NEEDS_MANAGE);
    const sub = interaction.options.getSubcommand();

    if (sub === 'list') {
      const own = guildFeeds(db, guildId);
      const lines = own.map((f) => `• <${f.url}> ${escapeFeedText(f.title ?? '')} — ${health(f)}`);
      const head = `${countSharedFeeds(db)} default feeds are watched for every server. This server's own feeds (${own.length}/${config.maxFeedsPerGuild}):`;
      return interaction.reply({ content: cut(`${head}\n${lines.join('\n') || 'none yet; add one with /feeds add'}`, 2000), allowedMentions: { parse: [] } });
    }

    const given = interaction.options.getString('url', true).trim();
    if (!isHttpUrl(given)) return interaction.reply(userError('That is not an http(s) address; give the feed URL, e.g. https://example.org/rss.xml'));
    const url = canonicalLink(given, undefined) || given;

    if (sub === 'remove') {
      if (deleteGuildFeed(db, guildId, url)) return interaction.reply({ content: `No longer watching <${url}>.`, allowedMentions: { parse: [] } });
      const known = getFeed(db, url);
      return interaction.reply(userError(known ? 'That feed is one of the default feeds or another server\'s; only feeds added here can be removed here.' : 'This server has no such feed; /feeds list shows them.'));
    }

    if (getFeed(db, url)) return interaction.reply(userError('That feed is already watched; its stories reach every subscribed channel.'));
    if (guildFeeds(db, guildId).length >= config.maxFeedsPerGuild) {
      return interaction.reply(userError(`This server already has ${config.maxFeedsPerGuild} feeds, the most allowed; remove one first.`));
    }
    await interaction.deferReply({ flags: 64 });
    const check = await checkNewFeed(fetchFeed, url, new Date(now()), !config.allowPrivateAddresses);
    if (!check.ok) return interaction.editReply({ content: cut(`Not added: ${check.error}`, 2000) });
    insertGuildFeed(db, url, { guildId, userId: interaction.user.id, channelId: interaction.channelId, title: check.title, language: check.language ?? null }, now());
    return interaction.editReply({
      content: cut(`Added **${escapeFeedText(check.title)}** (${check.items} items now). It is polled from the next cycle; if it stops answering for 3 days, a notice comes to this channel.`, 2000),
    });
  },
} satisfies Command;
