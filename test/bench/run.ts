// `npm run bench`: the matcher's throughput over the labelled corpus with every built-in theme,
// next to a naive filter (20 case-insensitive regular expressions) measured in the same run.

import { loadCorpus } from '../eval/corpus.ts';
import { builtinMatcher } from '../../feeds/themes/builtin-matcher.ts';

const RUN_MS = 3000;

function itemsPerSecond(count: number, fn: () => void): number {
  fn(); // warm-up
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < RUN_MS) {
    fn();
    done += count;
  }
  return done / ((performance.now() - start) / 1000);
}

const NAIVE = [
  'expel', 'expulsion', 'persona non grata', 'diplomat', 'embassy', 'spy', 'cyberattack', 'cyber attack', 'hacker',
  'ransomware', 'ddos', 'disinformation', 'propaganda', 'fake news', 'troll', 'deepfake', 'election', 'interference',
  'european parliament', 'bribe',
].map((w) => new RegExp(w, 'i'));

const selected = builtinMatcher();
if (!selected.ok) throw new Error(selected.error);
const docs = loadCorpus().map((i) => ({ title: i.title, body: i.summary }));
const texts = docs.map((d) => `${d.title}\n${d.body}`);

const engine = itemsPerSecond(docs.length, () => { for (const d of docs) selected.matcher.match(d); });
let sink = 0;
const naive = itemsPerSecond(texts.length, () => { for (const t of texts) for (const r of NAIVE) if (r.test(t)) sink++; });

console.log(`matcher bench over ${docs.length} corpus items (title + summary)`);
console.log(`  engine, ${selected.themes.length} built-in themes: ${Math.round(engine)} items/s`);
console.log(`  naive, 20 case-insensitive regexps:   ${Math.round(naive)} items/s${sink < 0 ? '' : ''}`);
console.log(`  engine / naive: ${(engine / naive).toFixed(2)}x`);
