// Compiles queries into one character trie over all their word patterns, scans a document's
// words once (time linear in its length), then evaluates each query tree over the spans found.

import type { QueryNode, WordPattern } from './ast.ts';
import { nearSpans, unionSpans, type Span } from './spans.ts';
import { tokenize, type Word } from './text.ts';

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
  size = 0;

  idOf(word: WordPattern): number {
    const key = (word.prefix ? '*' : '=') + word.text;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.size++;
    this.ids.set(key, id);
    let node = this.root;
    for (let i = 0; i < word.text.length; i++) {
      const c = word.text.charCodeAt(i);
      let child = node.children.get(c);
      if (!child) node.children.set(c, (child = newNode()));
      node = child;
    }
    (word.prefix ? node.prefix : node.exact).push(id);
    return id;
  }
}

/** A query tree whose words point into a PatternTable. */
export type CompiledNode =
  | { readonly type: 'term'; readonly id: number; readonly titleOnly: boolean }
  | { readonly type: 'phrase'; readonly ids: readonly number[]; readonly titleOnly: boolean }
  | {
      readonly type: 'group';
      readonly op: 'and' | 'or' | 'near';
      readonly distance: number;
      readonly children: readonly CompiledNode[];
      readonly excludes: readonly CompiledNode[];
    };

export function compileNode(node: QueryNode, table: PatternTable): CompiledNode {
  switch (node.type) {
    case 'term':
      return { type: 'term', id: table.idOf(node.word), titleOnly: node.titleOnly };
    case 'phrase':
      return { type: 'phrase', ids: node.words.map((w) => table.idOf(w)), titleOnly: node.titleOnly };
    case 'group':
      return {
        type: 'group',
        op: node.op,
        distance: node.distance,
        children: node.children.map((c) => compileNode(c, table)),
        excludes: node.excludes.map((c) => compileNode(c, table)),
      };
  }
}

/** Title and body words get separate numbers, far enough apart that no NEAR or phrase spans both. */
export const BODY_OFFSET = 1_000_000;

export interface Document {
  readonly title: string;
  readonly body: string;
}

export interface Scan {
  readonly title: string;
  readonly body: string;
  readonly titleWords: readonly Word[];
  readonly bodyWords: readonly Word[];
  /** Spans per pattern id, sorted by start. */
  readonly spans: ReadonlyMap<number, Span[]>;
}

function scanField(words: readonly Word[], offset: number, root: TrieNode, spans: Map<number, Span[]>): void {
  const record = (id: number, start: number, end: number) => {
    let list = spans.get(id);
    if (!list) spans.set(id, (list = []));
    list.push({ start: start + offset, end: end + offset });
  };
  for (let i = 0; i < words.length; i++) {
    let node: TrieNode | undefined = root;
    let w = i;
    // Walk the trie through word i and, while the pattern goes on, through the words it joins.
    while (node) {
      const text = words[w]!.text;
      for (let k = 0; k < text.length && node; k++) {
        node = node.children.get(text.charCodeAt(k));
        if (node) for (const id of node.prefix) record(id, i, w);
      }
      if (!node) break;
      for (const id of node.exact) record(id, i, w);
      if (!words[w]!.joinsNext || w + 1 >= words.length || node.children.size === 0) break;
      w++;
    }
  }
}

export function scanDocument(doc: Document, table: PatternTable): Scan {
  const titleWords = tokenize(doc.title);
  const bodyWords = tokenize(doc.body);
  const spans = new Map<number, Span[]>();
  scanField(titleWords, 0, table.root, spans);
  scanField(bodyWords, BODY_OFFSET, table.root, spans);
  return { title: doc.title, body: doc.body, titleWords, bodyWords, spans };
}

const inTitle = (s: Span) => s.end < BODY_OFFSET;

function phraseSpans(ids: readonly number[], scan: Scan): Span[] {
  let current = scan.spans.get(ids[0]!) ?? [];
  for (let k = 1; k < ids.length && current.length > 0; k++) {
    const nextByStart = new Map<number, Span[]>();
    for (const s of scan.spans.get(ids[k]!) ?? []) {
      const list = nextByStart.get(s.start);
      if (list) list.push(s); else nextByStart.set(s.start, [s]);
    }
    const extended: Span[] = [];
    for (const s of current) {
      for (const n of nextByStart.get(s.end + 1) ?? []) extended.push({ start: s.start, end: n.end });
    }
    current = unionSpans([extended]);
  }
  return current;
}

/** The spans that make a node true (empty when it does not match); they are the evidence. */
export function evaluate(node: CompiledNode, scan: Scan): Span[] {
  switch (node.type) {
    case 'term': {
      const spans = scan.spans.get(node.id) ?? [];
      return node.titleOnly ? spans.filter(inTitle) : spans;
    }
    case 'phrase': {
      const spans = phraseSpans(node.ids, scan);
      return node.titleOnly ? spans.filter(inTitle) : spans;
    }
    case 'group': {
      if (node.excludes.some((x) => evaluate(x, scan).length > 0)) return [];
      if (node.op === 'or') return unionSpans(node.children.map((c) => evaluate(c, scan)));
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
