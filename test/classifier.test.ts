// The classifier thread gives what classifying inline gives, reports themes that do not compile,
// takes new themes, and does not keep the process alive when idle.

import { afterAll, describe, expect, it } from 'vitest';
import { classifyItem, type Classifier } from '../feeds/classify.ts';
import { startClassifierThread } from '../feeds/classifier-worker.ts';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import { loadCorpus } from './eval/corpus.ts';

const selected = builtinMatcher();
if (!selected.ok) throw new Error(selected.error);
const items = loadCorpus().slice(0, 120).map((c) => ({ title: c.title, summary: c.summary, text: '', language: undefined }));
const started: Classifier[] = [];
const start = async (...args: Parameters<typeof startClassifierThread>) => {
  const c = await startClassifierThread(...args);
  started.push(c);
  return c;
};
afterAll(async () => { await Promise.all(started.map((c) => c.close())); });

describe('classifier thread', () => {
  it('classifies like the inline classifier, language and hits, in order', async () => {
    const thread = await start(selected.themes);
    const results = await thread.classify(items);
    expect(results).toEqual(items.map((item) => classifyItem(item, selected.matcher)));
    expect(results.some((r) => r.hits.length > 0)).toBe(true);
    expect(await thread.classify([])).toEqual([]);
  });

  it('answers concurrent requests each with its own items', async () => {
    const thread = await start(selected.themes);
    const [a, b] = await Promise.all([thread.classify(items.slice(0, 10)), thread.classify(items.slice(10, 12))]);
    expect(a).toHaveLength(10);
    expect(b).toEqual(items.slice(10, 12).map((item) => classifyItem(item, selected.matcher)));
  });

  it('refuses themes that do not compile, saying why', async () => {
    await expect(startClassifierThread([{ id: 'bad', query: 'spy AND', threshold: 0 }])).rejects.toThrow(/bad.*AND/s);
  });

  it('switches to new themes, and keeps the old ones when the new do not compile', async () => {
    const thread = await start([{ id: 'spies', query: 'spy*', threshold: 0 }]);
    const item = { title: 'Spy ring uncovered at embassy', summary: '', text: '', language: 'en' };
    expect((await thread.classify([item]))[0]!.hits.map((h) => h.themeId)).toEqual(['spies']);
    await thread.setThemes([{ id: 'embassies', query: 'embass*', threshold: 0 }]);
    expect((await thread.classify([item]))[0]!.hits.map((h) => h.themeId)).toEqual(['embassies']);
    await expect(thread.setThemes([{ id: 'x', query: '(', threshold: 0 }])).rejects.toThrow();
    expect((await thread.classify([item]))[0]!.hits.map((h) => h.themeId)).toEqual(['embassies']);
  });

  it('starts afresh after being closed', async () => {
    const thread = await start(selected.themes);
    await thread.close();
    expect(await thread.classify(items.slice(0, 1))).toHaveLength(1);
  });
});
