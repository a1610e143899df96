// The trend chart of some themes over the last days, from the database to PNG bytes: what the
// /trend command posts and `cli trend` writes.

import { renderChartPng } from './render.ts';
import { trendSpec } from './spec.ts';
import type { ThemeLook } from '../alerts/render.ts';
import type { Db } from '../../db/open.ts';
import { storiesPerDay } from '../../db/trend.ts';

export const DAY_MS = 86_400_000;

export async function trendChart(db: Db, themes: readonly ThemeLook[], days: number, now: number): Promise<{ png: Buffer; stories: number }> {
  // Whole days: the first one starts at midnight UTC, days - 1 days before today.
  const since = Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const counts = storiesPerDay(db, { sinceMs: since, themeIds: themes.map((t) => t.id) });
  const png = await renderChartPng(trendSpec(counts, themes, days, now));
  return { png, stories: counts.reduce((n, c) => n + c.stories, 0) };
}
