// How an alert reads in Discord: one embed per story (headline linked, excerpt with the matched
// terms in bold, themes, source, time, why it matched), packed into one message of at most 10
// embeds and 6000 characters. Pure: feed text is escaped so it can neither ping nor format.

import { escapeMarkdown, type APIEmbed, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { StoryAlert } from './deliver.ts';
import { groupBy } from './group-by.ts';
import type { StoryReport } from '../../db/stories.ts';
import { flagOf } from '../../feeds/countries/recognise.ts';
import type { Theme } from '../../feeds/types.ts';

export const LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, fields: 25, embeds: 10, total: 6000 } as const;

const EXCERPT = 350;
export type ThemeLook = Pick<Theme, 'id' | 'name' | 'emoji' | 'colour'>;

/** Text made inert as it stands: markdown, masked links and mentions shown, never acted on. */
function escapeInline(text: string): string {
  return escapeMarkdown(text)
    .replace(/[[\]]/g, '\\$&')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d)/g, '<$1\u200b$2');
}

/** Feed text on one line and inert: markdown, masked links and mentions shown, never acted on. */
export function escapeFeedText(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim());
}

/** Feed text inert and cut to `max`; trimmed first, so a 100,000-character title costs nothing. */
export function inert(text: string, max: number): string {
  return cut(escapeFeedText(text.slice(0, 2 * max)), max);
}

/** Inert text linked to the item when it has a link. */
export function linked(text: string, link: string): string {
  return link ? `[${text}](${safeUrl(link)})` : text;
}

/** "Agence (fr)": an outlet with the language of its report. */
export function sourceLabel(source: string, language: string | null, max: number): string {
  return `${inert(source, max)}${language ? ` (${language})` : ''}`;
}

/** Cuts at a word boundary where one is near, with an ellipsis, to at most `max` characters. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, max);
  let end = max - 1;
  const space = text.lastIndexOf(' ', end);
  if (space > max * 0.6) end = space;
  // Never leave a lone backslash or half a surrogate pair at the cut.
  let head = text.slice(0, end).replace(/\\+$/, '');
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return `${head}…`;
}

/** The excerpt with every matched term in bold; the terms are quoted as the text wrote them. */
export function boldTerms(text: string, terms: readonly string[], max: number): string {
  const plain = cut(text.replace(/\s+/g, ' ').trim(), max);
  const lower = plain.toLowerCase();
  const marks: { start: number; end: number }[] = [];
  for (const term of terms) {
    const t = term.toLowerCase();
    if (!t) continue;
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) {
      if (!marks.some((m) => at < m.end && at + t.length > m.start)) marks.push({ start: at, end: at + t.length });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const m of marks) {
    out += `${escapeInline(plain.slice(pos, m.start))}**${escapeInline(plain.slice(m.start, m.end))}**`;
    pos = m.end;
  }
  return out + escapeInline(plain.slice(pos));
}

/** Characters Discord counts towards the 6000 of a message. */
export function embedLength(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
    + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

function lookOf(themeId: string, themes: readonly ThemeLook[]): ThemeLook {
  return themes.find((t) => t.id === themeId) ?? { id: themeId, name: themeId, emoji: '•', colour: 0x5865f2 };
}

const ALSO = 'Also reported by';
const ALSO_SHOWN = 5;

/** The other outlets of a story: the first few linked with their language, then a count. */
export function alsoReportedBy(reports: readonly StoryReport[]): string {
  if (reports.length === 0) return '';
  const lines = reports.slice(0, ALSO_SHOWN).map((r) => `${linked(inert(r.source, 60), r.link)}${r.language ? ` (${r.language})` : ''}`);
  const more = reports.length > ALSO_SHOWN ? `\nand ${reports.length - ALSO_SHOWN} more (/story shows every report)` : '';
  return cut(`${lines.join('\n')}${more}`, LIMITS.fieldValue);
}

/** One story's embed within `budget` characters (the message's 6000 shared by its embeds). */
export function renderStoryEmbed(story: StoryAlert, themes: readonly ThemeLook[], budget: number = LIMITS.total): APIEmbed {
  const first = story.alerts[0]!;
  const looks = story.alerts.map((a) => lookOf(a.themeId, themes));
  const terms = [...new Set(story.alerts.flatMap((a) => a.terms))].slice(0, 10);
  const best = Math.max(...story.alerts.map((a) => a.score));
  const seconds = Math.floor(first.publishedAt / 1000);
  const themeLine = looks.map((t) => `${t.emoji} ${escapeFeedText(t.name)}`).join(' · ');
  const source = `${sourceLabel(first.source, first.language, 120)} · <t:${seconds}:f>`;
  const why = `Matched ${terms.map((t) => `"${t}"`).join(', ') || 'the theme query'} · score ${best.toFixed(2)} · /story ${story.storyId}`;
  const where = [...new Set([first.countries, ...(story.alsoReported ?? []).map((r) => r.countries)].flat())].sort().map(flagOf).join(' ');
  const also = alsoReportedBy(story.alsoReported ?? []);
  const fixed = themeLine.length + source.length + 'ThemesSource'.length + (where ? where.length + 'Countries'.length : 0) + (also ? also.length + ALSO.length : 0);
  const room = Math.max(0, budget - fixed);
  const titleMax = Math.min(LIMITS.title, Math.max(40, Math.floor(room * 0.35)));
  const title = inert(first.title, titleMax) || '(no title)';
  const footer = cut(why, Math.min(LIMITS.footer, Math.max(20, Math.floor(room * 0.25))));
  const descMax = Math.min(EXCERPT, Math.max(0, room - title.length - footer.length));
  const excerptSource = (first.summary || first.title).slice(0, 2 * EXCERPT);
  // Escapes and bold marks lengthen the excerpt, so it is cut shorter until it fits whole.
  let description = '';
  for (let max = descMax; max >= 20; max = Math.floor(max * 0.8)) {
    description = boldTerms(excerptSource, terms, max);
    if (description.length <= descMax) break;
    description = '';
  }
  return {
    title,
    ...(first.link ? { url: first.link } : {}),
    ...(description ? { description } : {}),
    color: looks[0]!.colour,
    fields: [
      { name: 'Themes', value: cut(themeLine, LIMITS.fieldValue), inline: true },
      { name: 'Source', value: cut(source, LIMITS.fieldValue), inline: true },
      ...(where ? [{ name: 'Countries', value: cut(where, LIMITS.fieldValue), inline: true }] : []),
      ...(also ? [{ name: ALSO, value: also }] : []),
    ],
    footer: { text: footer },
    timestamp: new Date(first.publishedAt).toISOString(),
  };
}

/** The whole message: embeds within every limit, no mention parsed, the nonce enforced. */
export function renderAlertMessage(stories: readonly StoryAlert[], themes: readonly ThemeLook[], nonce: string): RESTPostAPIChannelMessageJSONBody {
  const shown = stories.slice(0, LIMITS.embeds);
  const budget = Math.floor(LIMITS.total / shown.length);
  return {
    embeds: shown.map((s) => renderStoryEmbed(s, themes, budget)),
    allowed_mentions: { parse: [] },
    nonce,
    enforce_nonce: true,
  };
}

/** A link Discord's markdown cannot be tricked by: parentheses, spaces and angle brackets encoded. */
export function safeUrl(link: string): string {
  return link.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A digest: the period's stories in one message, one embed per theme, as many lines as fit. */
export function renderDigestMessage(stories: readonly StoryAlert[], themes: readonly ThemeLook[], nonce: string, mode: 'hourly' | 'daily'): RESTPostAPIChannelMessageJSONBody {
  // A story that hit several of the channel's themes is listed under each.
  const byTheme = groupBy(stories.flatMap((s) => s.alerts.map((a) => ({ themeId: a.themeId, story: s }))), (e) => e.themeId);
  const groups = [...byTheme].map(([themeId, entries]) => [themeId, entries.map((e) => e.story)] as const).slice(0, LIMITS.embeds);
  const budget = Math.floor(LIMITS.total / Math.max(1, groups.length));
  const embeds = groups.map(([themeId, list]): APIEmbed => {
    const look = lookOf(themeId, themes);
    const title = cut(`${look.emoji} ${escapeFeedText(look.name)}: ${list.length} ${list.length === 1 ? 'story' : 'stories'}`, LIMITS.title);
    const room = Math.min(LIMITS.description, budget - title.length - 40);
    const lines: string[] = [];
    let used = 0;
    for (const [i, s] of list.entries()) {
      const a = s.alerts[0]!;
      const line = `• ${linked(inert(a.title, 120) || '(no title)', a.link)} — ${inert(a.source, 60)} <t:${Math.floor(a.publishedAt / 1000)}:R>`;
      const more = `…and ${list.length - i} more (/recent shows them)`;
      if (used + line.length + 1 > room - more.length) { lines.push(more); break; }
      lines.push(line);
      used += line.length + 1;
    }
    return { title, description: lines.join('\n'), color: look.colour };
  });
  const period = mode === 'hourly' ? 'the last hour' : 'the last day';
  return {
    content: `Digest of ${period}: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}.`,
    embeds, allowed_mentions: { parse: [] }, nonce, enforce_nonce: true,
  };
}
