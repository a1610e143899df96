// Country recognition: the example headlines written with each language's data file, the
// metonyms, and the judgement calls on false friends (documented in README, "Countries").

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryDataLanguages, flagOf, recogniseCountries } from '../feeds/countries/recognise.ts';

interface Example { text: string; countries: string[] }
const DATA = new URL('../feeds/countries/data/', import.meta.url);
const examples = (lang: string) => (JSON.parse(readFileSync(new URL(`${lang}.json`, DATA), 'utf8')) as { tests?: Example[] }).tests ?? [];

describe('recogniseCountries', () => {
  it('has data files for the languages with the most inflection to cover', () => {
    expect(countryDataLanguages()).toEqual(expect.arrayContaining(['de', 'en', 'fr', 'nl', 'pl']));
  });

  it.each(countryDataLanguages())('tags the example headlines of %s as a careful reader would (some false friends are known misses)', (lang) => {
    const cases = examples(lang);
    const misses = cases.filter((c) => JSON.stringify(recogniseCountries(c.text, lang)) !== JSON.stringify([...c.countries].sort()));
    // Every file keeps a few false friends on purpose (e.g. "turkey" the bird): at most a fifth may miss.
    expect(misses.length, misses.map((m) => `${m.text} → ${recogniseCountries(m.text, lang).join(',')} (want ${m.countries.join(',')})`).join('\n'))
      .toBeLessThanOrEqual(Math.floor(cases.length / 5));
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it('reads inflected names, adjectives and demonyms', () => {
    expect(recogniseCountries('Polska wydala rosyjskiego dyplomatę', 'pl')).toEqual(['PL', 'RU']);
    expect(recogniseCountries('Deutschland weist russische Diplomaten aus', 'de')).toEqual(['DE', 'RU']);
    expect(recogniseCountries('La Belgique expulse des diplomates russes', 'fr')).toEqual(['BE', 'RU']);
  });

  it('reads metonyms for the state: the Kremlin, Beijing, Minsk', () => {
    expect(recogniseCountries('The Kremlin denied any role', 'en')).toEqual(['RU']);
    expect(recogniseCountries('Beijing summons the envoy', 'en')).toEqual(['CN']);
    expect(recogniseCountries('Minsk closes the border crossing', 'en')).toEqual(['BY']);
  });

  it('does not read Brussels as Belgium: in international news it means the EU', () => {
    expect(recogniseCountries('Brussels agrees new sanctions package', 'en')).toEqual([]);
    expect(recogniseCountries('Bruxelles adopte de nouvelles sanctions', 'fr')).toEqual([]);
  });

  it('takes the longest name: Northern Ireland is the United Kingdom', () => {
    expect(recogniseCountries('Police in Northern Ireland investigate', 'en')).toEqual(['GB']);
  });

  it('leaves the US state Georgia alone in English, but reads Tbilisi', () => {
    expect(recogniseCountries('Georgia voters head to the polls in Atlanta', 'en')).toEqual([]);
    expect(recogniseCountries('Tbilisi protests against the foreign agents law', 'en')).toEqual(['GE']);
  });

  it('draws flags from codes, and shows Kosovo by its code', () => {
    expect(flagOf('BE')).toBe('🇧🇪');
    expect(flagOf('XK')).toBe('XK');
  });
});
