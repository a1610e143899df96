// `npm run eval`: theme precision, recall and F1 on the labelled corpus, per theme and per
// language, and the macro-F1. `-- --errors` also lists every miss and false alarm.

import { loadCorpus, loadHeldoutStories, type LabelledItem } from './corpus.ts';
import { evaluatePredictions, type Scored } from './metrics.ts';
import { pairwiseStoryScores } from './stories.ts';
import { classifyItem, type Classification } from '../../feeds/classify.ts';
import { assignInOrder } from '../../feeds/stories/assign.ts';
import { storyFeatures } from '../../feeds/stories/features.ts';
import { builtinMatcher } from '../../feeds/themes/builtin-matcher.ts';

const showErrors = process.argv.includes('--errors');
const selected = builtinMatcher();
if (!selected.ok) throw new Error(selected.error);
const themeIds = selected.themes.map((t) => t.id);
const corpus = loadCorpus();

/** What ingestion works out for an item (declared language, themes, countries). */
const classify = (item: LabelledItem): Classification =>
  classifyItem({ title: item.title, summary: item.summary, text: '', language: item.lang }, selected.matcher);
/** Stories over items in publication order, from their classifications, as ingestion assigns them. */
const storiesOf = (items: readonly LabelledItem[], classes: readonly Classification[]) => {
  const features = items.map((item, i) => storyFeatures(
    { title: item.title, summary: item.summary, publishedAt: Date.parse(item.published) }, classes[i]!.hits.map((h) => h.themeId), classes[i]!.countries,
  ));
  return { features, assigned: assignInOrder(features) };
};

const classes = corpus.map(classify);
const predictions = corpus.map((item, i) => {
  const hits = classes[i]!.hits;
  const predicted = hits.map((h) => h.themeId);
  if (showErrors) {
    for (const t of themeIds) {
      const want = item.themes.includes(t);
      const got = predicted.includes(t);
      if (want && !got) console.log(`MISS  ${t.padEnd(24)} ${item.id}: ${item.title}`);
      if (got && !want && !item.allowed.includes(t)) {
        const terms = hits.find((h) => h.themeId === t)?.terms.join(', ');
        console.log(`FALSE ${t.padEnd(24)} ${item.id}: ${item.title}  [${terms}]${item.trap ? ` (trap: ${item.trap})` : ''}`);
      }
    }
  }
  return { lang: item.lang, expected: item.themes, allowed: item.allowed, predicted };
});

const report = evaluatePredictions(themeIds, predictions);
const pct = (x: number) => x.toFixed(3);
const row = (name: string, s: Scored) =>
  `${name.padEnd(26)} P ${pct(s.p)}  R ${pct(s.r)}  F1 ${pct(s.f1)}   (tp ${s.counts.tp}, fp ${s.counts.fp}, fn ${s.counts.fn})`;

const languages = new Set(corpus.map((i) => i.lang));
console.log(`corpus: ${corpus.length} items in ${languages.size} languages, ${corpus.filter((i) => i.themes.length === 0).length} with no theme\n`);
console.log('by theme');
for (const [t, s] of report.byTheme) console.log(`  ${row(t, s)}`);
console.log('\nby language (all themes pooled)');
for (const [l, s] of report.byLanguage) console.log(`  ${row(l, s)}`);
console.log(`\nmacro-F1 ${pct(report.macroF1)}`);

// Stories: every item in publication order, assigned as ingestion would; pairs judged against
// the corpus's story labels (the same event from several outlets and languages).
const { features, assigned } = storiesOf(corpus, classes);
const stories = pairwiseStoryScores(corpus.map((i) => i.story), assigned);
const labelled = corpus.filter((i) => i.story).length;
console.log(`\nstories: ${labelled} items labelled with ${new Set(corpus.map((i) => i.story).filter(Boolean)).size} events; pairwise "same story"`);
console.log(`  ${row('same story', stories)}`);

// A held-out set written after the assignment was built, never tuned on.
const heldout = loadHeldoutStories();
if (heldout.length > 0) {
  const held = pairwiseStoryScores(heldout.map((i) => i.story), storiesOf(heldout, heldout.map(classify)).assigned);
  console.log(`held-out stories: ${heldout.length} items, ${new Set(heldout.map((i) => i.story)).size} events`);
  console.log(`  ${row('same story (held out)', held)}`);
}
if (showErrors) {
  const byStory = new Map<number, string[]>();
  assigned.forEach((s, i) => { if (corpus[i]!.story || assigned.filter((x) => x === s).length > 1) byStory.set(s, [...(byStory.get(s) ?? []), `${corpus[i]!.story ?? '-'} ${corpus[i]!.id} ${features[i]!.countries.join(',')} ${corpus[i]!.title.slice(0, 70)}`]); });
  for (const [s, lines] of byStory) if (lines.length > 1 || !lines[0]!.startsWith('-')) console.log(`story ${s}:\n    ${lines.join('\n    ')}`);
}
