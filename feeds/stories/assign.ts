// Story assignment: a new report joins the recent story that tells the same event, or starts
// one. Pure: the candidate stories are handed in. Same event means, within 72 hours: a theme in
// common, countries that agree, and enough of what survives translation (the countries, names,
// numbers) in common; shared wording is deliberately not used, since reports of one event are
// in many languages and different events of one theme share their wording.

import type { StoryFeatures } from './features.ts';

export interface StoryCandidate extends StoryFeatures {
  readonly id: number;
  /** Publication times of the story's first and latest report. */
  readonly firstAt: number;
  readonly lastAt: number;
}

export type StoryChoice = { readonly join: number; readonly score: number } | { readonly join: null };

export const WINDOW_MS = 72 * 3_600_000;
const THRESHOLD = 0.55;

function shared(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  return b.filter((x) => set.has(x)).length;
}

/** How sure we are that the item reports the candidate's event, 0 to 1; 0 when it cannot. */
export function sameEventScore(item: StoryFeatures, story: StoryCandidate): number {
  if (item.publishedAt < story.firstAt - WINDOW_MS || item.publishedAt > story.lastAt + WINDOW_MS) return 0;
  if (shared(item.themes, story.themes) === 0) return 0;
  const common = shared(item.countries, story.countries);
  // Two reports naming countries, none of them the same, are about different events.
  if (item.countries.length > 0 && story.countries.length > 0 && common === 0) return 0;
  // Countries: how much of the smaller side the other covers, so a brief report that names
  // only Romania still fits a story that grew to name Romania and Russia.
  const countries = item.countries.length > 0 && story.countries.length > 0 ? common / Math.min(item.countries.length, story.countries.length) : 0;
  const numbers = shared(item.numbers, story.numbers);
  const names = shared(item.names, story.names);
  // A number in common is strong ("40 diplomats" against "35 diplomats"); a number on both
  // sides with none in common counts against.
  const numberScore = numbers > 0 ? 1 : item.numbers.length > 0 && story.numbers.length > 0 ? -0.5 : 0;
  const nameScore = Math.min(1, names / 2);
  return Math.max(0, Math.min(1, 0.45 * countries + 0.3 * numberScore + 0.35 * nameScore));
}

/**
 * What a story can be found by: its numbers and names. Countries in common are worth at most
 * 0.45, below the threshold, so a report can only join a story with which it shares a number or
 * a name; only those stories need comparing, and countries (shared by hundreds of stories)
 * stay out of the index.
 */
export function storyKeys(f: Pick<StoryFeatures, 'numbers' | 'names'>): string[] {
  return [...f.numbers.map((n) => `n:${n}`), ...f.names.map((n) => `p:${n}`)];
}

export function assignStory(item: StoryFeatures, recent: readonly StoryCandidate[]): StoryChoice {
  let best: StoryChoice = { join: null };
  let bestScore = THRESHOLD;
  for (const story of recent) {
    const score = sameEventScore(item, story);
    if (score >= bestScore) {
      best = { join: story.id, score };
      bestScore = score;
    }
  }
  return best;
}

/** The story's features after the item joined: what any later report may match on. */
export function mergeFeatures(story: StoryCandidate, item: StoryFeatures): StoryCandidate {
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
  return {
    id: story.id, themes: union(story.themes, item.themes), countries: union(story.countries, item.countries),
    numbers: union(story.numbers, item.numbers), names: union(story.names, item.names).slice(0, 60),
    publishedAt: story.publishedAt, firstAt: Math.min(story.firstAt, item.publishedAt), lastAt: Math.max(story.lastAt, item.publishedAt),
  };
}

/**
 * Stories for a list of items taken in publication order, as ingestion would assign them one
 * by one: the story number of each item (its own index when it starts one). For offline use
 * (`match --stories`, the eval); items with no theme are never part of a story.
 */
export function assignInOrder(items: readonly StoryFeatures[]): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.publishedAt - items[b]!.publishedAt || a - b);
  const stories: StoryCandidate[] = [];
  const result = new Array<number>(items.length);
  for (const i of order) {
    const item = items[i]!;
    const live = stories.filter((s) => s.lastAt >= item.publishedAt - WINDOW_MS);
    const choice = item.themes.length > 0 ? assignStory(item, live) : { join: null };
    if (choice.join === null) {
      result[i] = i;
      if (item.themes.length > 0) stories.push({ ...item, id: i, firstAt: item.publishedAt, lastAt: item.publishedAt });
    } else {
      result[i] = choice.join;
      const at = stories.findIndex((s) => s.id === choice.join);
      stories[at] = mergeFeatures(stories[at]!, item);
    }
  }
  return result;
}
