// The parsed form of a query: what the parser produces and both evaluators consume.

/** One word of a query: a whole word, or a prefix when written with a trailing `*`. */
export interface WordPattern {
  readonly text: string;
  readonly prefix: boolean;
}

export type QueryNode =
  | { readonly type: 'term'; readonly word: WordPattern; readonly titleOnly: boolean }
  | { readonly type: 'phrase'; readonly words: readonly WordPattern[]; readonly titleOnly: boolean }
  | {
      readonly type: 'group';
      readonly op: 'and' | 'or' | 'near';
      /** Word distance for `near`. */
      readonly distance: number;
      readonly children: readonly QueryNode[];
      /** `NOT x` clauses: the group matches nothing when any of them occurs. */
      readonly excludes: readonly QueryNode[];
    };

export const LIMITS = {
  queryLength: 60_000,
  terms: 5_000,
  nearDistance: 100,
  depth: 30,
  phraseWords: 12,
  wordLength: 64,
  prefixMinLength: 3,
} as const;

export type ParseResult = { ok: true; query: QueryNode; terms: number } | { ok: false; error: string };
