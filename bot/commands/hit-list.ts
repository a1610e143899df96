// Pure rendering of a list of stored items (recent stories, search results) as one embed, and
// the buttons that page through it.

import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIEmbed } from 'discord.js';
import { cut, inert, linked, sourceLabel, type ThemeLook } from '../alerts/render.ts';
import type { RecentHit } from '../../db/recent.ts';

/** What a list line shows: a recent hit, or a search result with the terms that fired. */
export type ListedItem = Omit<RecentHit, 'itemId' | 'moreReports'> & { readonly moreReports?: number };

export function renderItemList(title: string, items: readonly ListedItem[], themes: readonly ThemeLook[], footer: string): APIEmbed {
  const lines = items.map((item) => {
    const emoji = item.themeIds.map((id) => themes.find((t) => t.id === id)?.emoji ?? '').join('');
    const terms = item.terms.length > 0 ? ` · ${inert(item.terms.slice(0, 5).join(', '), 100)}` : '';
    const more = item.moreReports ? ` · +${item.moreReports} report${item.moreReports > 1 ? 's' : ''}` : '';
    return `${emoji} ${linked(inert(item.title, 150) || '(no title)', item.link)}\n${sourceLabel(item.source, item.language, 80)} · <t:${Math.floor(item.publishedAt / 1000)}:R>${more}${terms}`;
  });
  return {
    title: cut(title, 256),
    description: cut(lines.join('\n\n') || 'Nothing found.', 4096),
    footer: { text: cut(footer, 2048) },
    color: 0x5865f2,
  };
}

/** Previous / next buttons; a custom id holds everything needed to draw the other page. */
export function pageButtons(prefix: string, offset: number, limit: number, hasMore: boolean): ActionRowBuilder<ButtonBuilder>[] {
  if (offset === 0 && !hasMore) return [];
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`${prefix}:${Math.max(0, offset - limit)}`).setLabel('Newer').setStyle(ButtonStyle.Secondary).setDisabled(offset === 0),
    new ButtonBuilder().setCustomId(`${prefix}:${offset + limit}`).setLabel('Older').setStyle(ButtonStyle.Secondary).setDisabled(!hasMore),
  );
  return [row];
}
