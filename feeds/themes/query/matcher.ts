// Compiles queries into one character trie over all their word patterns, scans a document's
// words once (time linear in its length), then evaluates each query tree over the spans found.

import type { QueryNode, WordPattern } from './ast.ts';
import { compareSpans, nearSpans, unionSpans, type Span } from './spans.ts';
import { ASCII_WORD, foldWord, isWordChar, joins } from './text.ts';

interface TrieNode {
  children: Map<number, TrieNode>;
  /** Patterns that end here as whole words. */
  exact: number[];
  /** Patterns that end here as prefixes. */
  prefix: number[];
}

function newNode(): TrieNode {
  return { children: new Map(), exact: [], prefix: [] };
}

/** Patterns are shared by every query compiled together, so each is looked for once. */
export class PatternTable {
  readonly root: TrieNode = newNode();
  private readonly ids = new Map<string, number>();
  /** For each pattern, the indices of every compiled node with that pattern below it. */
  readonly ancestors = new Map<number, Int32Array>();
  /** For each pattern, the 'any' nodes that list it (as a term or a phrase's key word). */
  readonly anyNodes = new Map<number, number[]>();
  size = 0;
  /** How many compiled nodes use this table; each has an index below this. */
  nodeCount = 0;
  private readonly walks = new Map<string, WordWalk>();

  idOf(word: WordPattern): number {
    const key = (word.prefix ? '*' : '=') + word.text;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.walks.clear();
    const id = this.size++;
    this.ids.set(key, id);
    let node = this.root;
    for (let i = 0; i < word.text.length; i++) {
      const c = word.text.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = newNode()));
      node = next;
    }
    (word.prefix ? node.prefix : node.exact).push(id);
    return id;
  }

  /**
   * The folded form of a word as written and the trie walk over it, cached by the written
   * form: news text repeats its words endlessly, so most words cost one lookup.
   */
  walkWord(raw: string): WordWalk {
    let walk = this.walks.get(raw);
    if (walk) return walk;
    const text = foldWord(raw);
    const prefix: number[] = [];
    let node: TrieNode | undefined = this.root;
    for (let k = 0; k < text.length && node; k++) {
      node = node.children.get(text.charCodeAt(k));
      if (node) prefix.push(...node.prefix);
    }
    walk = { text, prefix, exact: node ? node.exact : [], end: node };
    if (this.walks.size >= 100_000) this.walks.clear();
    this.walks.set(raw, walk);
    return walk;
  }
}

interface WordWalk {
  /** The folded word. */
  readonly text: string;
  /** Prefix patterns reached within the word. */
  readonly prefix: readonly number[];
  /** Whole-word patterns ending exactly at the word's end. */
  readonly exact: readonly number[];
  /** Where the walk stands after the word, to go on into a joined word; undefined if it fell off. */
  readonly end: TrieNode | undefined;
}

type PhraseLeaf = { readonly type: 'phrase'; readonly index: number; readonly ids: readonly number[]; readonly titleOnly: boolean };

/** A query tree whose words point into a PatternTable. */
export type CompiledNode =
  | { readonly type: 'term'; readonly index: number; readonly id: number; readonly titleOnly: boolean }
  | PhraseLeaf
  | {
      /**
       * The plain terms and phrases of an OR group, looked up by the patterns a document
       * matched rather than by scanning them: theme word lists run to thousands.
       */
      readonly type: 'any';
      readonly index: number;
      readonly terms: ReadonlySet<number>;
      readonly titleTerms: ReadonlySet<number>;
      /** Phrases under the pattern of their longest word, the one least likely to occur. */
      readonly phrasesByKey: ReadonlyMap<number, readonly PhraseLeaf[]>;
    }
  | {
      readonly type: 'group';
      /** Position in the table's node numbering, for the per-scan liveness array. */
      readonly index: number;
      readonly op: 'and' | 'or' | 'near';
      readonly distance: number;
      readonly children: readonly CompiledNode[];
      readonly excludes: readonly CompiledNode[];
    };

/**
 * The word of a phrase that stands for it: a phrase can only match where all its words do, so
 * it is enough to wake it on its longest word (the least likely to occur), not on "de" or "the".
 */
function keyWord(words: readonly WordPattern[]): number {
  let longest = 0;
  for (let k = 1; k < words.length; k++) if (words[k]!.text.length > words[longest]!.text.length) longest = k;
  return longest;
}

export function compileNode(node: QueryNode, table: PatternTable): CompiledNode {
  const pending: { leaf: CompiledNode; ids: number[] }[] = [];
  const parents = new Map<CompiledNode, CompiledNode>();
  const build = (n: QueryNode): CompiledNode => {
    if (n.type === 'term') {
      const leaf: CompiledNode = { type: 'term', index: table.nodeCount++, id: table.idOf(n.word), titleOnly: n.titleOnly };
      pending.push({ leaf, ids: [leaf.id] });
      return leaf;
    }
    if (n.type === 'phrase') {
      const leaf: CompiledNode = { type: 'phrase', index: table.nodeCount++, ids: n.words.map((w) => table.idOf(w)), titleOnly: n.titleOnly };
      pending.push({ leaf, ids: [leaf.ids[keyWord(n.words)]!] });
      return leaf;
    }
    const index = table.nodeCount++;
    const simple = n.op === 'or' ? n.children.filter((c) => c.type !== 'group') : [];
    const children = n.op === 'or' ? n.children.filter((c) => c.type === 'group').map(build) : n.children.map(build);
    if (simple.length > 0) children.unshift(buildAny(simple));
    const group: CompiledNode = { type: 'group', index, op: n.op, distance: n.distance, children, excludes: n.excludes.map(build) };
    for (const c of [...group.children, ...group.excludes]) parents.set(c, group);
    return group;
  };
  const buildAny = (leaves: QueryNode[]): CompiledNode => {
    const terms = new Set<number>();
    const titleTerms = new Set<number>();
    const phrasesByKey = new Map<number, PhraseLeaf[]>();
    const ids: number[] = [];
    for (const leaf of leaves) {
      if (leaf.type === 'term') {
        const id = table.idOf(leaf.word);
        (leaf.titleOnly ? titleTerms : terms).add(id);
        ids.push(id);
      } else if (leaf.type === 'phrase') {
        const phrase: PhraseLeaf = { type: 'phrase', index: -1, ids: leaf.words.map((w) => table.idOf(w)), titleOnly: leaf.titleOnly };
        const key = phrase.ids[keyWord(leaf.words)]!;
        const list = phrasesByKey.get(key);
        if (list) list.push(phrase); else phrasesByKey.set(key, [phrase]);
        ids.push(key);
      }
    }
    const any: CompiledNode = { type: 'any', index: table.nodeCount++, terms, titleTerms, phrasesByKey };
    pending.push({ leaf: any, ids: [...new Set(ids)] });
    for (const id of new Set([...terms, ...titleTerms, ...phrasesByKey.keys()])) {
      const list = table.anyNodes.get(id);
      if (list) list.push(any.index); else table.anyNodes.set(id, [any.index]);
    }
    return any;
  };
  const root = build(node);
  for (const { leaf, ids } of pending) {
    const chain = [leaf.index];
    for (let p = parents.get(leaf); p; p = parents.get(p)) chain.push(p.index);
    for (const id of ids) {
      const known = table.ancestors.get(id) ?? [];
      table.ancestors.set(id, Int32Array.from(new Set([...known, ...chain])));
    }
  }
  return root;
}

/** Title and body words get separate numbers, far enough apart that no NEAR or phrase spans both. */
export const BODY_OFFSET = 1_000_000;

export interface Document {
  readonly title: string;
  readonly body: string;
}

/** The words of one field, as parallel arrays: offsets in the field, joins. */
export interface FieldWords {
  readonly starts: number[];
  readonly ends: number[];
  /** A query term may run from word i into word i+1 (only a hyphen, apostrophe or spaces between). */
  readonly joinsNext: boolean[];
}

export interface Scan {
  readonly title: string;
  readonly body: string;
  readonly titleWords: FieldWords;
  readonly bodyWords: FieldWords;
  /** Spans per pattern id, sorted by start. */
  readonly spans: ReadonlyMap<number, Span[]>;
  /** 1 at the index of each compiled node with a matched pattern below it; no other node can match. */
  readonly live: Uint8Array;
  /** For each 'any' node with a match, the matched patterns it lists. */
  readonly anyHits: ReadonlyMap<number, readonly number[]>;
}

function record(spans: Map<number, Span[]>, id: number, start: number, end: number): void {
  const list = spans.get(id);
  if (list) list.push({ start, end });
  else spans.set(id, [{ start, end }]);
}

/**
 * Splits a field into words exactly as `tokenize` does (the property test holds the two
 * together) and walks each through the trie in the same pass.
 */
function scanField(text: string, offset: number, table: PatternTable, spans: Map<number, Span[]>): FieldWords {
  const words: FieldWords = { starts: [], ends: [], joinsNext: [] };
  const ends: (TrieNode | undefined)[] = [];
  let i = 0;
  while (i < text.length) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    if (cp < 128 ? ASCII_WORD[cp] === 0 : !isWordChar(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      i += cp > 0xffff ? 2 : 1;
      if (i >= text.length) break;
      cp = text.charCodeAt(i);
      if (cp < 128) {
        if (ASCII_WORD[cp] === 0) break;
        continue;
      }
      if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
      if (!isWordChar(cp)) break;
    }
    // Each distinct word is folded and walked once; after that it costs one lookup.
    const walk = table.walkWord(text.slice(start, i));
    if (walk.text.length === 0) continue; // only combining marks
    const n = words.starts.length;
    const at = n + offset;
    for (const id of walk.prefix) record(spans, id, at, at);
    for (const id of walk.exact) record(spans, id, at, at);
    ends.push(walk.end);
    if (n > 0) words.joinsNext[n - 1] = joins(text, words.starts[n - 1]!, words.ends[n - 1]!, start, i);
    words.starts.push(start);
    words.ends.push(i);
    words.joinsNext.push(false);
  }
  // While a pattern goes on past a word, follow it into the words it joins (rare: compounds).
  // These spans come after the single-word ones, so the lists they join are sorted again.
  const joined = new Set<number>();
  for (let w = 0; w < ends.length; w++) {
    let node = ends[w];
    for (let j = w; node && node.children.size > 0 && words.joinsNext[j] && j + 1 < ends.length; ) {
      j++;
      const next = table.walkWord(text.slice(words.starts[j], words.ends[j])).text;
      for (let k = 0; k < next.length && node; k++) {
        node = node.children.get(next.charCodeAt(k));
        if (node) for (const id of node.prefix) { record(spans, id, w + offset, j + offset); joined.add(id); }
      }
      if (node) for (const id of node.exact) { record(spans, id, w + offset, j + offset); joined.add(id); }
    }
  }
  for (const id of joined) spans.get(id)!.sort(compareSpans);
  return words;
}

export function scanDocument(doc: Document, table: PatternTable): Scan {
  const spans = new Map<number, Span[]>();
  const titleWords = scanField(doc.title, 0, table, spans);
  const bodyWords = scanField(doc.body, BODY_OFFSET, table, spans);
  const live = new Uint8Array(table.nodeCount);
  const anyHits = new Map<number, number[]>();
  for (const id of spans.keys()) {
    const ancestors = table.ancestors.get(id);
    if (ancestors) for (let k = 0; k < ancestors.length; k++) live[ancestors[k]!] = 1;
    for (const index of table.anyNodes.get(id) ?? []) {
      const hits = anyHits.get(index);
      if (hits) hits.push(id); else anyHits.set(index, [id]);
    }
  }
  return { title: doc.title, body: doc.body, titleWords, bodyWords, spans, live, anyHits };
}

const inTitle = (s: Span) => s.end < BODY_OFFSET;

const NO_SPANS: Span[] = [];

/** Index of the first span starting at or after `start` in a list sorted by start. */
function firstStartingAt(spans: readonly Span[], start: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < start) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function phraseSpans(ids: readonly number[], scan: Scan): Span[] {
  let current = scan.spans.get(ids[0]!);
  for (let k = 1; k < ids.length && current; k++) {
    const next = scan.spans.get(ids[k]!);
    if (!next) return NO_SPANS;
    const extended: Span[] = [];
    for (const s of current) {
      for (let i = firstStartingAt(next, s.end + 1); i < next.length && next[i]!.start === s.end + 1; i++) {
        extended.push({ start: s.start, end: next[i]!.end });
      }
    }
    if (extended.length === 0) return NO_SPANS;
    current = extended;
  }
  return current ?? NO_SPANS;
}

/** The spans that make a node true (empty when it does not match); they are the evidence. */
export function evaluate(node: CompiledNode, scan: Scan): Span[] {
  if (scan.live[node.index] !== 1) return [];
  switch (node.type) {
    case 'term': {
      const spans = scan.spans.get(node.id) ?? [];
      return node.titleOnly ? spans.filter(inTitle) : spans;
    }
    case 'phrase': {
      const spans = phraseSpans(node.ids, scan);
      return node.titleOnly ? spans.filter(inTitle) : spans;
    }
    case 'any': {
      const parts: Span[][] = [];
      for (const id of scan.anyHits.get(node.index) ?? []) {
        const spans = scan.spans.get(id)!;
        if (node.terms.has(id)) parts.push(spans);
        if (node.titleTerms.has(id)) parts.push(spans.filter(inTitle));
        for (const phrase of node.phrasesByKey.get(id) ?? []) {
          const found = phraseSpans(phrase.ids, scan);
          parts.push(phrase.titleOnly ? found.filter(inTitle) : found);
        }
      }
      return unionSpans(parts);
    }
    case 'group': {
      for (const x of node.excludes) if (evaluate(x, scan).length > 0) return [];
      if (node.op === 'or') {
        const parts: Span[][] = [];
        for (const c of node.children) if (scan.live[c.index] === 1) parts.push(evaluate(c, scan));
        return unionSpans(parts);
      }
      if (node.op === 'and') {
        const parts: Span[][] = [];
        for (const c of node.children) {
          const spans = evaluate(c, scan);
          if (spans.length === 0) return [];
          parts.push(spans);
        }
        return unionSpans(parts);
      }
      let acc = evaluate(node.children[0]!, scan);
      for (let k = 1; k < node.children.length && acc.length > 0; k++) {
        acc = nearSpans(acc, evaluate(node.children[k]!, scan), node.distance);
      }
      return acc;
    }
  }
}
