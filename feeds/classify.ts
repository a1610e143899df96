// Classifying a new item: its language (detected, checked against the declaration) and the
// themes it matches. The CPU-heavy half of ingestion, kept pure so that it can run in a worker
// thread (classifier-thread.ts) or inline (tests, one-shot tools) with the same results.

import { recogniseCountries } from './countries/recognise.ts';
import { detectLanguage } from './language.ts';
import { compileThemes, documentOf, type ThemeMatcher } from './themes/match.ts';
import type { NewsItem, Theme, ThemeHit } from './types.ts';

/** What classification reads of an item: small enough to post to a worker. */
export type ClassifyInput = Pick<NewsItem, 'title' | 'summary' | 'text' | 'language'>;

export interface Classification {
  readonly language: string | undefined;
  readonly hits: readonly ThemeHit[];
  /** ISO 3166-1 alpha-2 codes of the countries the item names. */
  readonly countries: readonly string[];
}

/** A theme as the classifier needs it; the rest of a theme is for showing alerts. */
export type ThemeQuery = Pick<Theme, 'id' | 'query' | 'threshold'>;

export interface Classifier {
  /** One classification per input, in order. */
  classify(items: readonly ClassifyInput[]): Promise<Classification[]>;
  /** Replaces the themes matched from now on (a server created or deleted one). */
  setThemes(themes: readonly ThemeQuery[]): Promise<void>;
  close(): Promise<void>;
}

export function classifyItem(item: ClassifyInput, matcher: ThemeMatcher): Classification {
  const language = detectLanguage(`${item.title}. ${item.summary || item.text}`, item.language);
  return {
    language,
    hits: matcher.match(documentOf(item)),
    countries: recogniseCountries(`${item.title}. ${(item.summary || item.text).slice(0, 1000)}`, language),
  };
}

/** Compiles stored themes, whose queries were checked when saved; throws the first error. */
export function compileQueries(themes: readonly ThemeQuery[]): ThemeMatcher {
  const compiled = compileThemes(themes);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.matcher;
}

/** Classifies on the calling thread: for tests and tools where a worker would only add start-up. */
export function inlineClassifier(matcher: ThemeMatcher): Classifier {
  let current = matcher;
  return {
    classify: async (items) => items.map((item) => classifyItem(item, current)),
    setThemes: async (themes) => { current = compileQueries(themes); },
    close: async () => {},
  };
}
