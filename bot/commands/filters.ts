// Parsing the filter options shared by several commands: language and country codes.

import { COUNTRIES } from '../../feeds/countries/recognise.ts';
import { SUPPORTED_LANGUAGES } from '../../feeds/language-code.ts';

type Parsed = { ok: true; codes: string[] } | { ok: false; error: string };

function parseCodes(text: string | null, known: readonly string[], normalise: (c: string) => string, what: string, example: string): Parsed {
  if (!text?.trim()) return { ok: true, codes: [] };
  const codes = [...new Set(text.split(/[\s,;]+/).filter(Boolean).map(normalise))];
  const unknown = codes.find((c) => !known.includes(c));
  if (unknown) return { ok: false, error: `Unknown ${what} code "${unknown.slice(0, 20)}". Use two-letter codes separated by commas, e.g. ${example}, from: ${known.join(', ')}.` };
  return { ok: true, codes };
}

/** "en, fr" to ['en', 'fr'], or the sentence saying what is wrong. */
export function parseLanguages(text: string | null): Parsed {
  return parseCodes(text, SUPPORTED_LANGUAGES, (c) => c.toLowerCase(), 'language', '"en, fr"');
}

/** "be, NL" to ['BE', 'NL'] (ISO 3166-1 alpha-2), or the sentence saying what is wrong. */
export function parseCountries(text: string | null): Parsed {
  return parseCodes(text, COUNTRIES, (c) => c.toUpperCase(), 'country', '"BE, NL"');
}
