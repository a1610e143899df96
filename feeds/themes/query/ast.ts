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

export interface QueryLimits {
  readonly queryLength: number;
  readonly terms: number;
  readonly nearDistance: number;
  readonly depth: number;
  readonly phraseWords: number;
  readonly wordLength: number;
  readonly prefixMinLength: number;
}

/** Limits for queries people type (slash commands, the CLI). */
export const LIMITS: QueryLimits = {
  queryLength: 60_000,
  terms: 5_000,
  nearDistance: 100,
  depth: 30,
  phraseWords: 12,
  wordLength: 64,
  prefixMinLength: 3,
};

/**
 * Built-in theme files list every language's words, so they may be longer; they are data we
 * ship, and a query already validated under LIMITS always fits these too.
 */
export const FILE_LIMITS: QueryLimits = { ...LIMITS, queryLength: 1_000_000, terms: 50_000 };

export type ParseResult = { ok: true; query: QueryNode; terms: number } | { ok: false; error: string };
