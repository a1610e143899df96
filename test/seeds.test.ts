// The five seed articles get exactly their labelled themes (labels.json: `themes` must match,
// `allowed` may), both as plain text and through the bundled sample feed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import { SEED_SAMPLE_FEED } from '../feeds/samples/index.ts';
import { runCliCaptured } from './support/cli.ts';

const dir = new URL('./fixtures/seeds/', import.meta.url);
const labels = JSON.parse(readFileSync(new URL('labels.json', dir), 'utf8')) as Record<string, { lang: string; themes: string[]; allowed: string[] }>;
const seeds = Object.entries(labels).filter(([file]) => file.endsWith('.txt'));

function expectLabels(got: readonly string[], label: { themes: string[]; allowed: string[] }): void {
  for (const t of label.themes) expect(got, `missing ${t}`).toContain(t);
  for (const t of got) expect([...label.themes, ...label.allowed], `unexpected ${t}`).toContain(t);
}

describe('seed articles', () => {
  const selected = builtinMatcher();
  if (!selected.ok) throw new Error(selected.error);

  it.each(seeds)('%s gets its labelled themes', (file, label) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const [title, ...rest] = text.trim().split('\n');
    const hits = selected.matcher.match({ title: title!, body: rest.join('\n') });
    expectLabels(hits.map((h) => h.themeId), label);
    for (const h of hits) expect(h.terms.length).toBeGreaterThan(0);
  });

  it('gets the same labels through `match --json` on the bundled sample feed', async () => {
    const { code, stdout } = await runCliCaptured(['match', SEED_SAMPLE_FEED, '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; lang: string; themes: { id: string }[] });
    expect(lines).toHaveLength(seeds.length);
    for (const [i, [file, label]] of seeds.entries()) {
      expect(lines[i]!.id).toBe(`seed-${file.replace('.txt', '')}`);
      expect(lines[i]!.lang).toBe(label.lang);
      expectLabels(lines[i]!.themes.map((t) => t.id), label);
    }
  });
});
