// /search: stored items matching a query in the themes' query language, newest first, with pages.

import { SlashCommandBuilder } from 'discord.js';
import { userError, type Command } from './command.ts';
import { parseCountries } from './filters.ts';
import { pageButtons, renderItemList } from './hit-list.ts';
import { listThemes } from '../../db/themes.ts';
import type { Db } from '../../db/open.ts';
import { searchItems } from '../../feeds/search.ts';
import { parseQuery } from '../../feeds/themes/query/parse.ts';

const PAGE = 5;
const DAY_MS = 86_400_000;
/** A custom id holds 100 characters; longer queries get one page and no buttons. */
const MAX_PAGED_QUERY = 70;

function page(db: Db, guildId: string | null, query: string, days: number, country: string | undefined, offset: number, now: number) {
  const result = searchItems(db, query, { sinceMs: now - days * DAY_MS, limit: offset + PAGE + 1, ...(country ? { country } : {}) });
  if (!result.ok) return { error: result.error } as const;
  const shown = result.hits.slice(offset, offset + PAGE);
  const items = shown.map((h) => ({ ...h.item, themeIds: [], terms: h.terms }));
  const footer = shown.length > 0 ? `Results ${offset + 1}–${offset + shown.length} of the last ${days} days, newest first` : `No stored item of the last ${days} days matches`;
  return {
    embeds: [renderItemList(`Search: ${query}`, items, listThemes(db, guildId ?? undefined), footer)],
    components: query.length <= MAX_PAGED_QUERY ? pageButtons(`search:${days}:${country ?? '*'}:${query}`, offset, PAGE, result.hits.length > offset + PAGE) : [],
    allowedMentions: { parse: [] as const },
  };
}

export const search = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Search stored stories: words, "phrases", prefix*, AND, OR, NOT, NEAR/n, title:')
    .addStringOption((o) => o.setName('query').setDescription('e.g. expel* NEAR/8 diplomat*').setRequired(true).setMaxLength(500))
    .addIntegerOption((o) => o.setName('days').setDescription('How far back (1 to 365, default 30)').setMinValue(1).setMaxValue(365))
    .addStringOption((o) => o.setName('country').setDescription('Only items involving this country, e.g. BE').setMinLength(2).setMaxLength(2)),
  async execute(interaction, { db, now }) {
    const query = interaction.options.getString('query', true);
    // Checked before deferring, so that a mistake is answered to the user alone.
    const parsed = parseQuery(query);
    if (!parsed.ok) return interaction.reply(userError(`That query does not parse: ${parsed.error}`));
    const country = parseCountries(interaction.options.getString('country'));
    if (!country.ok) return interaction.reply(userError(country.error));
    await interaction.deferReply();
    const result = page(db, interaction.guildId, query, interaction.options.getInteger('days') ?? 30, country.codes[0], 0, now());
    return interaction.editReply('error' in result ? { content: `The search failed: ${result.error}` } : result);
  },
  async button(interaction, { db, now }, [days, country, ...rest]) {
    // The query may itself contain colons; the offset is the last part.
    const offset = Number(rest.pop() ?? 0);
    const result = page(db, interaction.guildId, rest.join(':'), Number(days) || 30, country && country !== '*' ? country : undefined, Math.max(0, offset || 0), now());
    if ('error' in result) return interaction.reply(userError(`That query does not parse: ${result.error ?? 'unknown error'}`));
    return interaction.update(result);
  },
} satisfies Command;
