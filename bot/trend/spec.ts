// The trend chart as a Vega-Lite specification: stories per day per theme over the period, one
// line per theme in its colour, every day present (zero when quiet). Pure: counts in, spec out.
// An opaque light card with dark text reads the same in Discord's dark and light themes.

import type { TopLevelSpec } from 'vega-lite';
import type { DayCount } from '../../db/trend.ts';
import type { ThemeLook } from '../alerts/render.ts';

export const TREND_SIZE = { width: 900, height: 420 } as const;
const DAY_MS = 86_400_000;

export function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every day of the period for every theme, so a quiet day shows as zero, not as a gap. */
export function fillDays(counts: readonly DayCount[], themes: readonly ThemeLook[], days: number, now: number): DayCount[] {
  const byKey = new Map(counts.map((c) => [`${c.day}|${c.themeId}`, c.stories]));
  const out: DayCount[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const day = dayKey(now - d * DAY_MS);
    for (const t of themes) out.push({ day, themeId: t.id, stories: byKey.get(`${day}|${t.id}`) ?? 0 });
  }
  return out;
}

const hex = (colour: number) => `#${colour.toString(16).padStart(6, '0')}`;

export function trendSpec(counts: readonly DayCount[], themes: readonly ThemeLook[], days: number, now: number): TopLevelSpec {
  const values = fillDays(counts, themes, days, now).map((c) => ({ ...c, theme: themes.find((t) => t.id === c.themeId)?.name ?? c.themeId }));
  const total = values.reduce((n, v) => n + v.stories, 0);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: TREND_SIZE.width - 190,
    height: TREND_SIZE.height - 110,
    background: '#ffffff',
    padding: 16,
    title: { text: `Stories per day, last ${days} days (${total} in all)`, color: '#1e1f22', fontSize: 16, anchor: 'start' },
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2.5 },
    encoding: {
      x: { field: 'day', type: 'temporal', title: null, axis: { format: '%d %b', labelColor: '#313338', gridColor: '#e3e5e8', tickCount: Math.min(days, 10) } },
      y: { field: 'stories', type: 'quantitative', title: 'stories', axis: { labelColor: '#313338', titleColor: '#313338', gridColor: '#e3e5e8', tickMinStep: 1 } },
      color: {
        field: 'theme', type: 'nominal', title: null,
        scale: { domain: themes.map((t) => t.name), range: themes.map((t) => hex(t.colour)) },
        legend: { labelColor: '#1e1f22', orient: 'right', labelLimit: 160 },
      },
    },
    config: { font: 'DejaVu Sans', view: { stroke: null } },
  };
}
