// Loads the labelled corpus: test/fixtures/corpus/<lang>.jsonl, one item per line.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LabelledItem {
  readonly id: string;
  readonly lang: string;
  readonly title: string;
  readonly summary: string;
  readonly published: string;
  /** Themes the item must get. */
  readonly themes: readonly string[];
  /** Themes it may get without penalty. */
  readonly allowed: readonly string[];
  /** For hard negatives: which trap the item is. */
  readonly trap: string | null;
  /** Items reporting the same event share a story id. */
  readonly story: string | null;
}

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

export function loadCorpus(dir: string = CORPUS_DIR): LabelledItem[] {
  const items: LabelledItem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (const [n, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        const raw = JSON.parse(line) as Partial<LabelledItem>;
        items.push({
          id: String(raw.id), lang: String(raw.lang), title: String(raw.title ?? ''), summary: String(raw.summary ?? ''),
          published: String(raw.published ?? ''), themes: raw.themes ?? [], allowed: raw.allowed ?? [],
          trap: raw.trap ?? null, story: raw.story ?? null,
        });
      } catch (e) {
        throw new Error(`${file}:${n + 1}: ${(e as Error).message}`);
      }
    }
  }
  return items;
}

export const HELDOUT_STORIES = fileURLToPath(new URL('../fixtures/stories-heldout/', import.meta.url));

/** The held-out story set (same fields as the corpus); empty when it is absent. */
export function loadHeldoutStories(dir: string = HELDOUT_STORIES): LabelledItem[] {
  try {
    return loadCorpus(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
