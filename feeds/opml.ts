// Feed lists: OPML (what feed readers import and export) or plain text with one URL per line.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isHttpUrl } from './parse/links.ts';

export interface FeedEntry {
  readonly url: string;
  readonly title?: string;
  readonly language?: string;
}

export type FeedListResult = { ok: true; feeds: FeedEntry[] } | { ok: false; error: string };

interface Outline {
  '@_xmlUrl'?: string;
  '@_text'?: string;
  '@_title'?: string;
  '@_language'?: string;
  outline?: Outline | Outline[];
}

function collect(outlines: Outline | Outline[] | undefined, out: FeedEntry[]): void {
  for (const o of Array.isArray(outlines) ? outlines : outlines ? [outlines] : []) {
    const url = o['@_xmlUrl']?.trim();
    if (url) {
      const title = o['@_title'] ?? o['@_text'];
      out.push({ url, ...(title ? { title } : {}), ...(o['@_language'] ? { language: o['@_language'] } : {}) });
    }
    collect(o.outline, out);
  }
}

/** Parses OPML, or a list of URLs one per line (blank lines and # comments allowed). */
export function parseFeedList(text: string): FeedListResult {
  const trimmed = text.trim();
  if (trimmed.startsWith('<')) {
    const valid = XMLValidator.validate(trimmed);
    if (valid !== true) return { ok: false, error: `not valid OPML: ${valid.err.msg} (line ${valid.err.line})` };
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(trimmed) as { opml?: { body?: { outline?: Outline | Outline[] } } };
    if (!doc.opml?.body) return { ok: false, error: 'not OPML: no <opml><body>' };
    const feeds: FeedEntry[] = [];
    collect(doc.opml.body.outline, feeds);
    const bad = feeds.find((f) => !isHttpUrl(f.url));
    if (bad) return { ok: false, error: `"${bad.url}" is not an http(s) address` };
    return { ok: true, feeds };
  }
  const feeds: FeedEntry[] = [];
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!isHttpUrl(line)) return { ok: false, error: `line ${n + 1}: "${line}" is not an http(s) address` };
    feeds.push({ url: line });
  }
  return { ok: true, feeds };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toOpml(feeds: readonly FeedEntry[], title = 'Interference Watch feeds'): string {
  const lines = feeds.map((f) =>
    `    <outline type="rss" text="${esc(f.title ?? f.url)}" title="${esc(f.title ?? f.url)}" xmlUrl="${esc(f.url)}"${f.language ? ` language="${esc(f.language)}"` : ''}/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>${esc(title)}</title></head>\n  <body>\n${lines.join('\n')}\n  </body>\n</opml>\n`;
}
