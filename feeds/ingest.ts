// Stores one feed's parsed items in one transaction: new items, their hits, a story each, and
// an outbox row per subscription that wants them. Durable before visible: nothing is posted
// until this commits. Items older than the alert age are stored and matched but raise no alert.
// Items arrive with their declared language; the detected one is worked out for new items only.

import { createHash } from 'node:crypto';
import { insertHits } from '../db/hits.ts';
import { insertItem, setItemStory } from '../db/items.ts';
import type { Db } from '../db/open.ts';
import { enqueueAlert } from '../db/outbox.ts';
import { createStory } from '../db/stories.ts';
import { activeSubscriptions } from '../db/subscriptions.ts';
import { detectLanguage } from './language.ts';
import { documentOf, type ThemeMatcher } from './themes/match.ts';
import type { NewsItem } from './types.ts';

export interface IngestResult {
  readonly newItems: number;
  readonly hits: number;
  readonly alerts: number;
}

function contentHash(item: NewsItem): string {
  return createHash('sha1').update(`${item.title}\n${item.summary}\n${item.text}`).digest('hex');
}

export function ingestItems(
  db: Db, feedId: number, items: readonly NewsItem[], matcher: ThemeMatcher, now: number, alertMaxAgeMs: number,
): IngestResult {
  return db.transaction(() => {
    const subscriptions = activeSubscriptions(db);
    let newItems = 0;
    let hits = 0;
    let alerts = 0;
    for (const item of items) {
      const outcome = insertItem(db, feedId, item, now, contentHash(item), () => detectLanguage(`${item.title}. ${item.summary || item.text}`, item.language));
      if (outcome.status !== 'new') continue;
      newItems++;
      const itemHits = matcher.match(documentOf(item));
      if (itemHits.length === 0) continue;
      hits += itemHits.length;
      insertHits(db, outcome.id, itemHits);
      const storyId = createStory(db, outcome.id, item.title, itemHits.map((h) => h.themeId), now);
      setItemStory(db, outcome.id, storyId);
      if (now - item.publishedAt.getTime() > alertMaxAgeMs) continue;
      for (const sub of subscriptions) {
        const hit = itemHits.find((h) => h.themeId === sub.themeId);
        if (hit && hit.score >= sub.minScore && enqueueAlert(db, sub.id, storyId, outcome.id, now)) alerts++;
      }
    }
    return { newItems, hits, alerts };
  })();
}
