// What of an item survives translation, for telling whether two reports are the same event:
// its themes and countries, the numbers it gives ("21 diplomats"), and the names it mentions,
// reduced to a script- and spelling-neutral key so that "Georgescu", "Георгеску" and
// "Georgescua" compare equal.

import { tokenize } from '../themes/query/text.ts';

export interface StoryFeatures {
  readonly themes: readonly string[];
  readonly countries: readonly string[];
  readonly numbers: readonly string[];
  readonly names: readonly string[];
  readonly publishedAt: number;
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'z', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', ш: 's', щ: 's',
  ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', τ: 't', υ: 'i', φ: 'f', χ: 'h', ψ: 'ps', ω: 'o',
};

/** A folded word in Latin letters, then its consonant skeleton's first letters: a name key. */
export function nameKey(folded: string): string {
  const latin = [...folded].map((c) => CYRILLIC[c] ?? GREEK[c] ?? c).join('');
  const skeleton = latin
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/[cqk]+h?/g, 'k').replace(/[sz]+h?/g, 's').replace(/x/g, 'ks')
    .replace(/w/g, 'v').replace(/[yj]/g, 'i').replace(/(.)\1+/g, '$1')
    .replace(/(?!^)[aeiou]/g, '');
  return skeleton.slice(0, 5);
}

const YEAR = /^(19|20)\d\d$/;

/** Numbers worth matching on: not years (every story of a year shares them), not 0 or 1. */
function numbersOf(text: string): string[] {
  const found = text.match(/\d+(?:[.,]\d+)?/g) ?? [];
  return [...new Set(found.map((n) => n.replace(',', '.')).filter((n) => !YEAR.test(n) && !/^[01]$/.test(n)))];
}

/**
 * Capitalised words that do not open a sentence, 4 letters or more, as name keys. German
 * capitalises every noun, so common nouns come along too; the assignment weighs names only
 * together with countries and numbers, never alone.
 */
function namesOf(text: string): string[] {
  const keys = new Set<string>();
  for (const w of tokenize(text)) {
    const original = text.slice(w.start, w.end);
    const first = original[0]!;
    if (w.text.length < 4 || first === first.toLowerCase()) continue;
    const before = text.slice(Math.max(0, w.start - 3), w.start);
    if (w.start === 0 || /[.!?:"«„“]\s*$/.test(before)) continue;
    keys.add(nameKey(w.text));
  }
  return [...keys];
}

/** An item's features: its headline and lead (the summary, else the start of the full text). */
export function storyFeatures(
  item: { readonly title: string; readonly summary: string; readonly text?: string; readonly publishedAt: Date | number },
  themes: readonly string[], countries: readonly string[],
): StoryFeatures {
  const text = `${item.title}. ${(item.summary || item.text || '').slice(0, 600)}`;
  return { themes, countries, numbers: numbersOf(text), names: namesOf(text), publishedAt: Number(item.publishedAt) };
}
