// The trend chart: every day of the period in the data, each theme in its colour, and a PNG of
// the right size and type, rendered without a browser or system fonts.

import { describe, expect, it } from 'vitest';
import { renderChartPng, renderChartSvg } from '../bot/trend/render.ts';
import { fillDays, trendSpec, TREND_SIZE } from '../bot/trend/spec.ts';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const THEMES = [
  { id: 'expulsions', name: 'Expulsions', emoji: '🚪', colour: 0xc0392b },
  { id: 'cyberattacks', name: 'Cyberattacks', emoji: '💻', colour: 0x2980b9 },
];
const COUNTS = [
  { day: '2026-11-21', themeId: 'expulsions', stories: 4 },
  { day: '2026-11-23', themeId: 'cyberattacks', stories: 2 },
];

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('trend chart', () => {
  it('fills every day of the period for every theme, quiet days as zero', () => {
    const filled = fillDays(COUNTS, THEMES, 3, NOW);
    expect(filled).toEqual([
      { day: '2026-11-21', themeId: 'expulsions', stories: 4 }, { day: '2026-11-21', themeId: 'cyberattacks', stories: 0 },
      { day: '2026-11-22', themeId: 'expulsions', stories: 0 }, { day: '2026-11-22', themeId: 'cyberattacks', stories: 0 },
      { day: '2026-11-23', themeId: 'expulsions', stories: 0 }, { day: '2026-11-23', themeId: 'cyberattacks', stories: 2 },
    ]);
  });

  it('draws each theme as a line in its own colour, with the total in the title', async () => {
    const spec = trendSpec(COUNTS, THEMES, 3, NOW);
    expect(spec.title).toMatchObject({ text: 'Stories per day, last 3 days (6 in all)' });
    const svg = await renderChartSvg(spec);
    expect(svg).toContain('stroke="#c0392b"');
    expect(svg).toContain('stroke="#2980b9"');
    expect(svg).toContain('Expulsions');
  });

  it('renders a PNG of the chart size', async () => {
    const png = await renderChartPng(trendSpec(COUNTS, THEMES, 30, NOW));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const size = pngSize(png);
    expect(size.width).toBe(TREND_SIZE.width);
    expect(size.height).toBeGreaterThan(300);
    const empty = await renderChartPng(trendSpec([], THEMES, 30, NOW));
    expect(empty.equals(png)).toBe(false);
  });
});
