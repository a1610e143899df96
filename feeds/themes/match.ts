// Matches documents against many themes at once: every theme's words go into one trie, the
// text is scanned once, and each theme's tree is evaluated over the spans found.

import { FILE_LIMITS } from './query/ast.ts';
import { parseQuery } from './query/parse.ts';
import { BODY_OFFSET, compileNode, evaluate, PatternTable, scanDocument, type CompiledNode, type Document, type Scan } from './query/matcher.ts';
import type { Span } from './query/spans.ts';
import { tokenize } from './query/text.ts';
import type { NewsItem, Theme, ThemeHit } from '../types.ts';

export type { Document } from './query/matcher.ts';

export interface ThemeMatcher {
  readonly themeIds: readonly string[];
  match(doc: Document): ThemeHit[];
}

export type CompileResult = { ok: true; matcher: ThemeMatcher } | { ok: false; error: string };

/** Body words within this many of the start are the lead (summary), worth more than later ones. */
const LEAD_WORDS = 60;
const MAX_TERMS = 10;

function weightOf(span: Span): number {
  if (span.end < BODY_OFFSET) return 1;
  return span.start - BODY_OFFSET < LEAD_WORDS ? 0.5 : 0.25;
}

function quote(span: Span, scan: Scan): { key: string; text: string } {
  const title = span.end < BODY_OFFSET;
  const words = title ? scan.titleWords : scan.bodyWords;
  const offset = title ? 0 : BODY_OFFSET;
  const source = title ? scan.title : scan.body;
  const text = source.slice(words.starts[span.start - offset], words.ends[span.end - offset]);
  return { key: tokenize(text).map((w) => w.text).join(' '), text };
}

/** Turns the spans that made a theme match into its score and quoted terms. */
export function describeHit(themeId: string, spans: readonly Span[], scan: Scan): ThemeHit {
  const byTerm = new Map<string, { text: string; weight: number }>();
  for (const span of spans) {
    const { key, text } = quote(span, scan);
    const weight = weightOf(span);
    const known = byTerm.get(key);
    if (!known) byTerm.set(key, { text, weight });
    else if (weight > known.weight) known.weight = weight;
  }
  let total = 0;
  for (const t of byTerm.values()) total += t.weight;
  const score = Math.round((1 - Math.exp(-total)) * 100) / 100;
  return {
    themeId,
    score,
    terms: [...byTerm.values()].slice(0, MAX_TERMS).map((t) => t.text),
    inTitle: spans.some((s) => s.end < BODY_OFFSET),
  };
}

/** Compiles themes whose queries were validated when they were written (theme files, saved custom themes). */
export function compileThemes(themes: readonly Pick<Theme, 'id' | 'query' | 'threshold'>[]): CompileResult {
  const table = new PatternTable();
  const compiled: { id: string; threshold: number; root: CompiledNode }[] = [];
  for (const theme of themes) {
    const parsed = parseQuery(theme.query, FILE_LIMITS);
    if (!parsed.ok) return { ok: false, error: `theme ${theme.id}: ${parsed.error}` };
    compiled.push({ id: theme.id, threshold: theme.threshold, root: compileNode(parsed.query, table) });
  }
  return {
    ok: true,
    matcher: {
      themeIds: compiled.map((c) => c.id),
      match(doc) {
        const scan = scanDocument(doc, table);
        const hits: ThemeHit[] = [];
        for (const theme of compiled) {
          const spans = evaluate(theme.root, scan);
          if (spans.length === 0) continue;
          const hit = describeHit(theme.id, spans, scan);
          if (hit.score >= theme.threshold) hits.push(hit);
        }
        return hits;
      },
    },
  };
}

/** What of a news item is matched: the headline, and the summary followed by the full text. */
export function documentOf(item: Pick<NewsItem, 'title' | 'summary' | 'text'>): Document {
  return { title: item.title, body: item.text ? `${item.summary}\n\n${item.text}` : item.summary };
}
