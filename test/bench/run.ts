// `npm run bench`: the matcher's throughput over the labelled corpus with every built-in theme,
// next to two naive filters measured in the same run: 20 case-insensitive regular expressions
// of one keyword each, and 20 carrying the themes' whole vocabulary (what a keyword bot with
// the same coverage would run). Before them, the ingestion figure (ingest.ts);
// after them, the delivery figure (delivery.ts).

import { loadCorpus } from '../eval/corpus.ts';
import { benchDelivery } from './delivery.ts';
import { benchIngestion } from './ingest.ts';
import { builtinMatcher } from '../../feeds/themes/builtin-matcher.ts';
import { FILE_LIMITS, type QueryNode, type WordPattern } from '../../feeds/themes/query/ast.ts';
import { parseQuery } from '../../feeds/themes/query/parse.ts';

const RUN_MS = 3000;

/** Items per second of `matchOne` over the items, cycling through them for about RUN_MS. */
function itemsPerSecond<T>(items: readonly T[], matchOne: (item: T) => void): number {
  for (const item of items.slice(0, 50)) matchOne(item); // warm-up
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < RUN_MS) {
    for (let k = 0; k < 20; k++) matchOne(items[done++ % items.length]!);
  }
  return done / ((performance.now() - start) / 1000);
}

const KEYWORDS = [
  'expel', 'expulsion', 'persona non grata', 'diplomat', 'embassy', 'spy', 'cyberattack', 'cyber attack', 'hacker',
  'ransomware', 'ddos', 'disinformation', 'propaganda', 'fake news', 'troll', 'deepfake', 'election', 'interference',
  'european parliament', 'bribe',
].map((w) => new RegExp(w, 'i'));

function wordsOf(node: QueryNode): WordPattern[][] {
  if (node.type === 'term') return [[node.word]];
  if (node.type === 'phrase') return [[...node.words]];
  return [...node.children, ...node.excludes].flatMap(wordsOf);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every word and phrase of the themes as plain literals (no word boundaries, no folding: a
 * keyword bot's regexps), dealt round-robin into 20 alternations.
 */
function vocabularyRegexps(queries: readonly string[]): RegExp[] {
  const seen = new Set<string>();
  const sources: string[] = [];
  for (const q of queries) {
    const parsed = parseQuery(q, FILE_LIMITS);
    if (!parsed.ok) throw new Error(parsed.error);
    for (const words of wordsOf(parsed.query)) {
      const source = words.map((w) => escape(w.text)).join(' ');
      if (!seen.has(source)) sources.push(source), seen.add(source);
    }
  }
  const buckets: string[][] = Array.from({ length: 20 }, () => []);
  sources.forEach((s, i) => buckets[i % 20]!.push(s));
  return buckets.map((b) => new RegExp(b.join('|'), 'i'));
}

// Ingestion first, so that its peak-memory figure is the poller's and not the matcher bench's.
await benchIngestion();
console.log('');

const selected = builtinMatcher();
if (!selected.ok) throw new Error(selected.error);
const docs = loadCorpus().map((i) => ({ title: i.title, body: i.summary }));
const texts = docs.map((d) => `${d.title}\n${d.body}`);
const vocabulary = vocabularyRegexps(selected.themes.map((t) => t.query));
let sink = 0;
const naiveFilter = (regexps: readonly RegExp[]) => (text: string) => {
  for (const r of regexps) if (r.test(text)) sink++;
};

const engine = itemsPerSecond(docs, (d) => selected.matcher.match(d));
const keywords = itemsPerSecond(texts, naiveFilter(KEYWORDS));
const withVocabulary = itemsPerSecond(texts, naiveFilter(vocabulary));

console.log(`matcher bench over ${docs.length} corpus items (title + summary)`);
console.log(`  engine, ${selected.themes.length} built-in themes:                 ${Math.round(engine)} items/s`);
console.log(`  naive, 20 regexps of one keyword each:           ${Math.round(keywords)} items/s (engine ${(engine / keywords).toFixed(2)}x)`);
console.log(`  naive, 20 regexps holding the themes' ${vocabulary.reduce((n, r) => n + r.source.split('|').length, 0)} words: ${Math.round(withVocabulary)} items/s (engine ${(engine / withVocabulary).toFixed(2)}x)`);
if (sink < 0) console.log(sink);
console.log('');
await benchDelivery();
