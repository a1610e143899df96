// Precision, recall and F1 of theme predictions against labels, by theme and by language.

export interface Counts { tp: number; fp: number; fn: number }

export interface Scored { p: number; r: number; f1: number; counts: Counts }

export function score(c: Counts): Scored {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, counts: c };
}

export interface Prediction {
  readonly lang: string;
  readonly expected: readonly string[];
  readonly allowed: readonly string[];
  readonly predicted: readonly string[];
}

export interface Report {
  readonly byTheme: Map<string, Scored>;
  readonly byLanguage: Map<string, Scored>;
  readonly macroF1: number;
}

function add(map: Map<string, Counts>, key: string, field: keyof Counts): void {
  const c = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c[field]++;
  map.set(key, c);
}

/** An allowed theme counts neither for nor against; anything else predicted is a false positive. */
export function evaluatePredictions(themes: readonly string[], predictions: readonly Prediction[]): Report {
  const theme = new Map<string, Counts>(themes.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const lang = new Map<string, Counts>();
  for (const p of predictions) {
    if (!lang.has(p.lang)) lang.set(p.lang, { tp: 0, fp: 0, fn: 0 });
    for (const t of themes) {
      const want = p.expected.includes(t);
      const got = p.predicted.includes(t);
      const field: keyof Counts | undefined = want && got ? 'tp' : want ? 'fn' : got && !p.allowed.includes(t) ? 'fp' : undefined;
      if (!field) continue;
      add(theme, t, field);
      add(lang, p.lang, field);
    }
  }
  const byTheme = new Map([...theme].map(([k, c]) => [k, score(c)]));
  const byLanguage = new Map([...lang].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, score(c)]));
  const macroF1 = [...byTheme.values()].reduce((s, x) => s + x.f1, 0) / Math.max(byTheme.size, 1);
  return { byTheme, byLanguage, macroF1 };
}
