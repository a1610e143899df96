// Story assignment, pure: the same event in two languages joins; a different expulsion the same
// week, or reports too far apart, stay apart; names agree across scripts and spellings.

import { describe, expect, it } from 'vitest';
import { assignInOrder, assignStory, sameEventScore, storyKeys, type StoryCandidate } from '../feeds/stories/assign.ts';
import { nameKey, storyFeatures } from '../feeds/stories/features.ts';
import { foldWord } from '../feeds/themes/query/text.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2022-04-04T10:00:00Z');
const report = (title: string, countries: string[], at = T0, themes = ['expulsions'], summary = '') =>
  storyFeatures({ title, summary, publishedAt: at }, themes, countries);
const asStory = (id: number, f: ReturnType<typeof report>): StoryCandidate => ({ ...f, id, firstAt: f.publishedAt, lastAt: f.publishedAt });

describe('story features', () => {
  it('keeps numbers but not years, and names as script-neutral keys', () => {
    const f = report('Germany expels 40 Russian diplomats after Bucha, Baerbock says in 2022', ['DE', 'RU']);
    expect(f.numbers).toEqual(['40']);
    expect(f.names).toContain(nameKey(foldWord('Baerbock')));
    expect(nameKey(foldWord('Georgescu'))).toBe(nameKey(foldWord('Георгеску')));
    expect(nameKey(foldWord('Georgescu'))).toBe(nameKey(foldWord('Georgescua')));
  });
});

describe('assignStory', () => {
  const german = report('Germany expels 40 Russian diplomats', ['DE', 'RU']);
  it('joins the same event reported in another language', () => {
    const french = report("L'Allemagne expulse 40 diplomates russes", ['DE', 'RU'], T0 + 3_600_000);
    expect(assignStory(french, [asStory(1, german)])).toMatchObject({ join: 1 });
  });

  it('keeps apart a different expulsion the same day, with other numbers and another expelling state', () => {
    const france = report('France expels 35 Russian diplomats', ['FR', 'RU'], T0 + 3_600_000);
    expect(assignStory(france, [asStory(1, german)])).toEqual({ join: null });
  });

  it('keeps apart reports more than 72 hours from the story, and reports of no common theme', () => {
    expect(assignStory(report('Germany expels 40 Russian diplomats', ['DE', 'RU'], T0 + 4 * DAY), [asStory(1, german)])).toEqual({ join: null });
    expect(assignStory(report('Germany: 40 Russian hackers charged', ['DE', 'RU'], T0, ['cyberattacks']), [asStory(1, german)])).toEqual({ join: null });
  });

  it('never joins on countries alone, so only stories sharing a number or name are candidates', () => {
    const bare = report('Expulsion row deepens', ['DE', 'RU'], T0 + 3_600_000);
    expect(sameEventScore(bare, asStory(1, german))).toBeLessThan(0.55);
    expect(storyKeys(german)).toEqual(['n:40', ...german.names.map((n) => `p:${n}`)]);
  });

  it('assigns a sequence in publication order, as ingestion would', () => {
    const items = [
      report("L'Allemagne expulse 40 diplomates russes", ['DE', 'RU'], T0 + 3_600_000),
      german,
      report('France expels 35 Russian diplomats', ['FR', 'RU'], T0 + 7_200_000),
      report('Francia expulsa a 35 diplomáticos rusos', ['FR', 'RU'], T0 + 9_000_000),
    ];
    expect(assignInOrder(items)).toEqual([1, 1, 2, 2]);
  });
});
