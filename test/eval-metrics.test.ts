// The eval's arithmetic: allowed themes are neutral, F1 is per theme, macro-F1 their mean.

import { describe, expect, it } from 'vitest';
import { evaluatePredictions } from './eval/metrics.ts';
import { loadCorpus } from './eval/corpus.ts';

describe('eval metrics', () => {
  it('counts true and false positives and misses, ignoring allowed themes', () => {
    const report = evaluatePredictions(['a', 'b'], [
      { lang: 'en', expected: ['a'], allowed: ['b'], predicted: ['a', 'b'] },
      { lang: 'en', expected: ['a'], allowed: [], predicted: [] },
      { lang: 'fr', expected: [], allowed: [], predicted: ['b'] },
    ]);
    expect(report.byTheme.get('a')!.counts).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(report.byTheme.get('b')!.counts).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(report.byTheme.get('a')!.f1).toBeCloseTo(2 / 3);
    expect(report.byLanguage.get('fr')!.counts).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0) / 2);
  });

  it('the corpus has at least 300 items in at least 15 languages, with hard negatives', () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((i) => i.lang)).size).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((i) => i.trap).length).toBeGreaterThanOrEqual(100);
    for (const item of corpus) expect(item.title.length, item.id).toBeGreaterThan(0);
  });
});
