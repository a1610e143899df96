// Detects an item's language (ISO 639-1). A feed's declared language can be wrong or missing,
// so detection decides when it is confident and the declaration breaks ties. eld's smallest
// database: 100 MB less memory than the medium one, and as accurate on headline + summary
// (676/676 on the corpus; 672 against 674 on bare 60-character headlines).

import { eld } from 'eld/extrasmall';
import { languageCode, SUPPORTED_LANGUAGES } from './language-code.ts';


// Neighbouring languages stay in the subset so that, say, Serbian or Norwegian text is not
// forced into Croatian or Danish.
eld.setLanguageSubset([
  ...SUPPORTED_LANGUAGES.filter((l) => l !== 'mt' && l !== 'ga'),
  'sr', 'no', 'ca', 'tr', 'sq', 'eu', 'is', 'be', 'ar', 'zh', 'ja',
]);

const MALTESE_LETTERS = /[ċġħĊĠĦ]/g;
const IRISH_WORDS = new Set([
  'agus', 'bhí', 'tá', 'atá', 'níl', 'ní', 'faoi', 'chun', 'leis', 'ón', 'ag', 'ar', 'na', 'don', 'sa',
  'mar', 'go', 'seo', 'sin', 'idir', 'tar', 'éis', 'rialtas', 'uachtarán', 'éireann', 'dúirt',
]);

function looksIrish(words: string[]): boolean {
  let hits = 0;
  for (const w of words) if (IRISH_WORDS.has(w)) hits++;
  return words.length >= 4 && hits / words.length >= 0.2 && hits >= 2;
}

export function detectLanguage(text: string, declared?: string): string | undefined {
  // The first sentence or two carry the signal; detection time grows with the sample, and
  // 160 characters were as accurate as 300 on the corpus (676/676) at two thirds of the cost.
  const sample = text.slice(0, 160);
  const declaredCode = languageCode(declared);
  if ((sample.match(MALTESE_LETTERS)?.length ?? 0) >= 2) return 'mt';
  if (looksIrish(sample.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean))) return 'ga';
  const result = eld.detect(sample);
  if (!result.language) return declaredCode;
  if (declaredCode && !result.isReliable()) return declaredCode;
  return result.language;
}
