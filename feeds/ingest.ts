// Stores one feed's parsed items in one transaction: new items, their hits, a story each, and
// an outbox row per subscription that wants them. Durable before visible: nothing is posted
// until this commits. Items older than the alert age are stored and matched but raise no alert.
// Items arrive with their classification (language and hits), worked out beforehand for the
// items that were not stored yet: `classifyNew` below.

import { createHash } from 'node:crypto';
import { insertHits } from '../db/hits.ts';
import { insertItem, isStoredItem, setItemStory } from '../db/items.ts';
import type { Db } from '../db/open.ts';
import { enqueueAlert, markStoryGrew } from '../db/outbox.ts';
import { candidateStories, createStory, sameTextStory, updateStory } from '../db/stories.ts';
import { assignStory, mergeFeatures, storyKeys, WINDOW_MS } from './stories/assign.ts';
import { storyFeatures, type StoryFeatures } from './stories/features.ts';
import { activeSubscriptions } from '../db/subscriptions.ts';
import type { Classification, Classifier } from './classify.ts';
import type { NewsItem } from './types.ts';

export interface IngestResult {
  readonly newItems: number;
  readonly hits: number;
  readonly alerts: number;
}

function contentHash(item: NewsItem): string {
  return createHash('sha1').update(`${item.title}\n${item.summary}\n${item.text}`).digest('hex');
}

/** Classifies the items not stored yet; the rest repeat on every poll and need nothing. */
export async function classifyNew(db: Db, feedId: number, items: readonly NewsItem[], classifier: Classifier): Promise<Map<NewsItem, Classification>> {
  const fresh = items.filter((item) => !isStoredItem(db, feedId, item));
  const classes = await classifier.classify(fresh.map(({ title, summary, text, language }) => ({ title, summary, text, language })));
  return new Map(fresh.map((item, i) => [item, classes[i]!]));
}

/** Stories compared with a new report at most: those sharing the most numbers and names. */
const MAX_CANDIDATES = 40;

/** Joins the item to the recent story that reports the same event, or starts one. */
function placeInStory(db: Db, itemId: number, item: NewsItem, hash: string, features: StoryFeatures, now: number): number {
  const since = features.publishedAt - WINDOW_MS;
  // The same text from another outlet (a wire copy) is the same report of the same event.
  const copy = sameTextStory(db, hash, itemId, since);
  if (copy) {
    // A copy adds no feature; the story only needs its times moved when the copy is later.
    if (features.publishedAt > copy.lastAt) updateStory(db, mergeFeatures(copy, features), now);
    markStoryGrew(db, copy.id);
    return copy.id;
  }
  const recent = candidateStories(db, storyKeys(features), since, MAX_CANDIDATES);
  const choice = assignStory(features, recent);
  if (choice.join === null) return createStory(db, itemId, item.title, features, now);
  updateStory(db, mergeFeatures(recent.find((s) => s.id === choice.join)!, features), now);
  markStoryGrew(db, choice.join);
  return choice.join;
}

export function ingestItems(
  db: Db, feedId: number, items: readonly NewsItem[], classified: ReadonlyMap<NewsItem, Classification>, now: number, alertMaxAgeMs: number,
): IngestResult {
  const classOf = (item: NewsItem): Classification => {
    const c = classified.get(item);
    // Only if an item vanished between classifying and storing; the feed is retried whole.
    if (!c) throw new Error(`item "${item.guid}" became new after classification`);
    return c;
  };
  return db.transaction(() => {
    const subscriptions = activeSubscriptions(db);
    let newItems = 0;
    let hits = 0;
    let alerts = 0;
    for (const item of items) {
      const hash = contentHash(item);
      const outcome = insertItem(db, feedId, item, now, hash, () => classOf(item));
      if (outcome.status !== 'new') continue;
      newItems++;
      const { hits: itemHits, language, countries } = classOf(item);
      if (itemHits.length === 0) continue;
      hits += itemHits.length;
      insertHits(db, outcome.id, itemHits);
      const storyId = placeInStory(db, outcome.id, item, hash, storyFeatures(item, itemHits.map((h) => h.themeId), countries), now);
      setItemStory(db, outcome.id, storyId);
      if (now - item.publishedAt.getTime() > alertMaxAgeMs) continue;
      for (const sub of subscriptions) {
        if (sub.languages.length > 0 && !(language && sub.languages.includes(language))) continue;
        if (sub.countries.length > 0 && !countries.some((c) => sub.countries.includes(c))) continue;
        const hit = itemHits.find((h) => h.themeId === sub.themeId);
        if (hit && hit.score >= sub.minScore && enqueueAlert(db, sub.id, storyId, outcome.id, now)) alerts++;
      }
    }
    return { newItems, hits, alerts };
  })();
}
