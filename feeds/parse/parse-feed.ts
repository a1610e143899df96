// Parses a decoded feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into NewsItems, or one
// error value saying why it is not a feed. One parser instance per feed: a shared rss-parser
// can hang after some errors.

import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { decodeFeedBytes } from './decode.ts';
import { canonicalLink, hostOf } from './links.ts';
import { htmlToPlainText } from './plain-text.ts';
import { repairXml, rootElement, unprefixFeedElements } from './xml-repair.ts';
import { languageCode } from '../language-code.ts';
import type { NewsItem } from '../types.ts';

export interface ParsedFeed {
  readonly title: string;
  readonly language: string | undefined;
  readonly items: NewsItem[];
}

export type FeedParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: string };

export interface ParseContext {
  readonly fetchedAt: Date;
  /** Where the feed came from: resolves relative links and names the source. */
  readonly url?: string;
  /**
   * Detect each item's language now (default). The poller says no and detects, in its classifier
   * thread, only for the items it has not stored yet: a feed repeats most of its items.
   */
  readonly detectLanguages?: boolean;
}

/** What both the XML and the JSON paths extract before normalising. */
interface RawEntry {
  id?: unknown;
  link?: unknown;
  title?: unknown;
  summaryHtml?: unknown;
  contentHtml?: unknown;
  date?: unknown;
  language?: unknown;
}

interface RawFeed {
  title?: unknown;
  link?: unknown;
  language?: unknown;
  entries: RawEntry[];
}

export const ITEM_LIMITS = { items: 500, title: 500, summary: 4_000, text: 40_000 } as const;
const DAY_MS = 24 * 3600 * 1000;

/** xml2js gives strings, `{ _: text, $: attrs }` objects or arrays; this finds the text. */
function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('_' in v && Object.keys(v).every((k) => k === '_' || k === '$')) return str(v._);
    if ('$' in v && v.$ && typeof v.$ === 'object' && 'href' in (v.$ as object)) return str((v.$ as Record<string, unknown>).href);
    // Atom type="xhtml" content arrives as nested elements (xml2js keeps no order of mixed
    // content, so the text comes first and then each child's).
    return Object.entries(v).filter(([k]) => k !== '$').map(([, child]) => str(child)).filter(Boolean).join(' ');
  }
  return '';
}

function publishedAt(raw: string, fetchedAt: Date): Date {
  const t = raw ? Date.parse(raw) : NaN;
  if (Number.isNaN(t) || t > fetchedAt.getTime() + DAY_MS) return fetchedAt;
  return new Date(t);
}

type DetectLanguage = (text: string, declared?: string) => string | undefined;

function normalise(raw: RawFeed, ctx: ParseContext, detectLanguage: DetectLanguage | undefined): ParsedFeed {
  const feedLink = canonicalLink(str(raw.link), ctx.url) || ctx.url;
  const source = htmlToPlainText(str(raw.title), 200) || hostOf(feedLink) || 'unknown feed';
  const feedLanguage = str(raw.language).trim() || undefined;
  const items: NewsItem[] = [];
  for (const e of raw.entries.slice(0, ITEM_LIMITS.items)) {
    const title = htmlToPlainText(str(e.title), ITEM_LIMITS.title);
    const summary = htmlToPlainText(str(e.summaryHtml), ITEM_LIMITS.summary);
    let text = htmlToPlainText(str(e.contentHtml), ITEM_LIMITS.text);
    if (text === summary) text = '';
    const link = canonicalLink(str(e.link), feedLink);
    if (!title && !summary && !text && !link) continue;
    const date = str(e.date);
    const guid = str(e.id).trim() || link || `sha1:${createHash('sha1').update(`${title}\n${date}\n${summary}`).digest('hex')}`;
    items.push({
      guid,
      link,
      title,
      summary,
      text,
      publishedAt: publishedAt(date, ctx.fetchedAt),
      language: detectLanguage
        ? detectLanguage(`${title}. ${summary || text}`, str(e.language) || feedLanguage)
        : languageCode(str(e.language) || feedLanguage),
      source,
    });
  }
  return { title: source, language: feedLanguage, items };
}

type XmlItem = Parser.Item & { id?: unknown; contentEncoded?: unknown; language?: unknown; description?: unknown };

async function parseXml(xml: string): Promise<RawFeed> {
  const parser: Parser<Record<string, unknown>, XmlItem> = new Parser({
    defaultRSS: 2.0,
    customFields: { item: [['content:encoded', 'contentEncoded'], ['dc:language', 'language'], 'description'] as never },
  });
  const repaired = unprefixFeedElements(repairXml(xml));
  // rss-parser throws on an <rss> with no <channel>; that is a feed with no items.
  if (rootElement(repaired)?.toLowerCase() === 'rss' && !/<channel[\s>]/i.test(repaired)) return { entries: [] };
  const feed = await parser.parseString(repaired);
  return {
    title: feed.title,
    link: feed.link,
    language: feed.language,
    entries: (feed.items ?? []).map((it) => ({
      id: it.guid ?? it.id,
      link: it.link,
      title: it.title,
      summaryHtml: it.description ?? it.summary ?? it.content ?? it.contentSnippet,
      contentHtml: it.contentEncoded ?? (it.content !== it.description ? it.content : undefined),
      date: it.isoDate ?? it.pubDate,
      language: it.language,
    })),
  };
}

function parseJsonFeed(json: string): RawFeed {
  const doc = JSON.parse(json) as Record<string, unknown>;
  // Feeds in the wild write the version as http://, https:// or a bare "1.0"; items decide.
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !Array.isArray(doc.items)) {
    throw new Error('JSON that is not a JSON Feed (no "items" list)');
  }
  const items = doc.items as Record<string, unknown>[];
  return {
    title: doc.title,
    link: doc.home_page_url ?? doc.feed_url,
    language: doc.language,
    entries: items.filter((i) => i && typeof i === 'object').map((i) => ({
      id: i.id,
      link: i.url ?? i.external_url,
      title: i.title,
      summaryHtml: i.summary ?? i.content_text,
      contentHtml: i.content_html ?? i.content_text,
      date: i.date_published ?? i.date_modified,
      language: i.language,
    })),
  };
}

function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!.slice(0, 200);
}

export async function parseFeed(document: string, ctx: ParseContext): Promise<FeedParseResult> {
  const text = document.replace(/^[\s\ufeff]+/, '');
  if (text === '') return { ok: false, error: 'not a feed: the document is empty' };
  // Loaded only when asked for: the poller detects in its classifier thread, and eld's tables
  // would otherwise sit in the main thread's memory too.
  const detect = ctx.detectLanguages === false ? undefined : (await import('../language.ts')).detectLanguage;
  try {
    if (text.startsWith('{') || text.startsWith('[')) return { ok: true, feed: normalise(parseJsonFeed(text), ctx, detect) };
    if (!text.startsWith('<')) return { ok: false, error: 'not a feed: the document is neither XML nor JSON' };
    const head = text.slice(0, 2000).toLowerCase();
    if (/<html[\s>]/.test(head) && !/<(rss|feed|rdf:rdf)[\s>]/.test(head)) {
      return { ok: false, error: 'not a feed: the address returned an HTML page' };
    }
    return { ok: true, feed: normalise(await parseXml(text), ctx, detect) };
  } catch (e) {
    return { ok: false, error: `not a readable feed: ${describeError(e)}` };
  }
}

/** Feed bytes as fetched or read from a file (with the HTTP charset when there was one) to items. */
export async function parseFeedBytes(bytes: Uint8Array, charset: string | undefined, ctx: ParseContext): Promise<FeedParseResult> {
  const decoded = decodeFeedBytes(bytes, charset);
  return decoded.ok ? parseFeed(decoded.text, ctx) : decoded;
}
