// Which countries a text involves: country names in every supported language from a maintained
// library (i18n-iso-countries), plus our own data files (feeds/countries/data/<lang>.json) for
// what the library lacks: inflections, adjectives, demonyms and metonyms ("the Kremlin").
// Forms of the item's language and of English are used; a stem ending in * matches a prefix.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LANGUAGES } from '../language-code.ts';
import { foldWord, tokenize } from '../themes/query/text.ts';

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const require = createRequire(import.meta.url);

/** The countries we recognise: the EU, the rest of Europe and the states interference news names. */
export const COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK',
  'SI', 'ES', 'SE', 'GB', 'NO', 'CH', 'IS', 'RS', 'ME', 'MK', 'AL', 'BA', 'XK', 'MD', 'UA', 'BY', 'RU', 'GE', 'AM', 'AZ', 'TR', 'CN', 'IR', 'KP',
  'KR', 'JP', 'TW', 'IN', 'PK', 'AF', 'US', 'CA', 'IL', 'PS', 'SY', 'IQ', 'SA', 'QA', 'AE', 'EG', 'LY', 'DZ', 'MA', 'CU', 'VE', 'KZ', 'BR',
] as const;

interface Table {
  /** Folded word or phrase (words joined by one space) to country. */
  readonly exact: Map<string, string>;
  /** Folded prefix stem to country. */
  readonly prefixes: Map<string, string>;
  readonly longestPhrase: number;
}

/** `false_friends` in the files are notes on the judgement calls made, not read here. */
interface DataFile { countries: Record<string, string[]> }

/** Library names that are ordinary words or other places in a language ("us", Georgia the US state). */
let exclusions: Record<string, string[]> | undefined;
function excluded(lang: string): string[] {
  exclusions ??= (JSON.parse(readFileSync(new URL('./exclude.json', import.meta.url), 'utf8')) as { languages: Record<string, string[]> }).languages;
  return exclusions[lang] ?? [];
}

function foldPhrase(form: string): string {
  return tokenize(form).map((w) => w.text).join(' ');
}

function libraryNames(lang: string): Map<string, string[]> {
  const names = new Map<string, string[]>();
  try {
    const data = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
    for (const code of COUNTRIES) {
      const entry = data.countries[code];
      if (entry) names.set(code, Array.isArray(entry) ? entry : [entry]);
    }
  } catch (e) {
    // The library has no file for this language: our data file alone serves it.
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
  }
  return names;
}

/** A language's data file; none for a language without one, but a broken file is an error. */
function readData(lang: string): DataFile | undefined {
  let text: string;
  try {
    text = readFileSync(`${DATA_DIR}${lang}.json`, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return JSON.parse(text) as DataFile;
}

function buildTable(lang: string): Table {
  const exact = new Map<string, string>();
  const prefixes = new Map<string, string>();
  const data = readData(lang);
  const add = (code: string, form: string) => {
    const stem = form.endsWith('*');
    const folded = stem ? foldWord(form.slice(0, -1).trim()) : foldPhrase(form);
    if (!folded) return;
    if (stem) { if (folded.length >= 4) prefixes.set(folded, code); } else exact.set(folded, code);
  };
  for (const [code, forms] of libraryNames(lang)) for (const f of forms) add(code, f);
  for (const [code, forms] of Object.entries(data?.countries ?? {})) for (const f of forms) add(code, f);
  for (const word of excluded(lang)) exact.delete(foldPhrase(word));
  const longestPhrase = Math.max(1, ...[...exact.keys()].map((k) => k.split(' ').length));
  return { exact, prefixes, longestPhrase };
}

const tables = new Map<string, Table>();
function tableFor(lang: string): Table {
  let table = tables.get(lang);
  if (!table) tables.set(lang, (table = buildTable(lang)));
  return table;
}

let abroad: Table | undefined;
function englishAbroad(): Table {
  if (abroad) return abroad;
  const en = tableFor('en');
  const long = <T>(m: Map<string, T>) => new Map([...m].filter(([k]) => k.length >= 5 || k.includes(' ')));
  abroad = { exact: long(en.exact), prefixes: en.prefixes, longestPhrase: en.longestPhrase };
  return abroad;
}

/** Languages that have a data file; the others use the library's names only. */
export function countryDataLanguages(): string[] {
  return readdirSync(DATA_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

/** Longest form first: "Northern Ireland" is GB, and its "Ireland" is not read again. */
function scan(words: readonly string[], table: Table, found: Set<string>): void {
  for (let i = 0; i < words.length; i++) {
    let matched = 0;
    for (let n = Math.min(table.longestPhrase, words.length - i); n >= 1; n--) {
      const code = table.exact.get(words.slice(i, i + n).join(' '));
      if (code) { found.add(code); matched = n; break; }
    }
    if (matched > 0) { i += matched - 1; continue; }
    const w = words[i]!;
    for (let len = w.length; len >= 4; len--) {
      const code = table.prefixes.get(w.slice(0, len));
      if (code) { found.add(code); break; }
    }
  }
}

/** ISO 3166-1 alpha-2 codes of the countries the text names, sorted. */
export function recogniseCountries(text: string, language: string | undefined): string[] {
  const words = tokenize(text).map((w) => w.text);
  const found = new Set<string>();
  const own = language && (SUPPORTED_LANGUAGES as readonly string[]).includes(language) ? language : undefined;
  if (own) scan(words, tableFor(own), found);
  // English names appear in every language's news ("Voice of Europe", "the Kremlin"); short
  // English words are left out elsewhere, since "us" or "eau" mean other things there.
  if (own !== 'en') scan(words, englishAbroad(), found);
  return [...found].sort();
}

/** 🇧🇪 from "BE"; Kosovo has no flag of its own in Unicode and is shown by its code. */
export function flagOf(code: string): string {
  if (code === 'XK' || !/^[A-Z]{2}$/.test(code)) return code;
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
