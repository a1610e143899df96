// Parses the query language (terms, "phrases", prefix*, AND, OR, NOT, NEAR/n, title:, parentheses)
// into a tree. One kind of binary operator per parenthesis level, so a query means one thing.

import { LIMITS, type ParseResult, type QueryLimits, type QueryNode, type WordPattern } from './ast.ts';
import { tokenize } from './text.ts';

type Lexeme =
  | { kind: 'word'; raw: string; at: number }
  | { kind: 'phrase'; raw: string; at: number }
  | { kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'title'; at: number }
  | { kind: 'near'; distance: number; at: number }
  | { kind: 'end'; at: number };

class QueryError extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

const NEAR = /^NEAR\/(\d+)$/;

function lex(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(') { out.push({ kind: 'lparen', at: i++ }); continue; }
    if (ch === ')') { out.push({ kind: 'rparen', at: i++ }); continue; }
    if (ch === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw new QueryError(i, 'this quote is never closed');
      out.push({ kind: 'phrase', raw: query.slice(i + 1, close), at: i });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < query.length && !/[\s()"]/.test(query[j]!)) j++;
    const raw = query.slice(i, j);
    if (raw.toLowerCase().startsWith('title:')) {
      out.push({ kind: 'title', at: i });
      i += 'title:'.length;
      continue;
    }
    const near = NEAR.exec(raw);
    if (raw === 'AND' || raw === 'OR' || raw === 'NOT') out.push({ kind: raw.toLowerCase() as 'and', at: i });
    else if (near) out.push({ kind: 'near', distance: Number(near[1]), at: i });
    else if (raw.startsWith('NEAR/')) throw new QueryError(i, `"${raw}" is not a distance; write NEAR/ followed by a number of words, e.g. NEAR/10`);
    else out.push({ kind: 'word', raw, at: i });
    i = j;
  }
  out.push({ kind: 'end', at: query.length });
  return out;
}

/** Turns one written word into folded word patterns (several when it holds punctuation). */
function wordPatterns(raw: string, at: number, limits: QueryLimits): WordPattern[] {
  const prefix = raw.endsWith('*');
  const body = prefix ? raw.slice(0, -1) : raw;
  if (body.includes('*')) throw new QueryError(at, `"${raw}": a * may only end a word`);
  const words = tokenize(body);
  if (words.length === 0) throw new QueryError(at, `"${raw}" has no letters or digits to look for`);
  // Hyphens and apostrophes join parts (`cyber-attack` is looked for as `cyberattack`, which
  // the matcher also finds across the hyphen); other punctuation separates words.
  const parts: string[] = [words[0]!.text];
  for (let k = 1; k < words.length; k++) {
    const between = body.slice(words[k - 1]!.end, words[k]!.start);
    if (words[k - 1]!.joinsNext && !/\s/.test(between)) parts[parts.length - 1] += words[k]!.text;
    else parts.push(words[k]!.text);
  }
  return parts.map((text, k) => {
    if (text.length > limits.wordLength) throw new QueryError(at, `"${raw}" is longer than ${limits.wordLength} letters`);
    const isPrefix = prefix && k === parts.length - 1;
    if (isPrefix && text.length < limits.prefixMinLength) {
      throw new QueryError(at, `"${raw}" is too short a prefix; use at least ${limits.prefixMinLength} letters before the *`);
    }
    return { text, prefix: isPrefix };
  });
}

type Op = { op: 'and' | 'or' | 'near'; distance: number; label: string };

function describe(op: Op): string {
  return op.label === '' ? 'a space (meaning AND)' : `"${op.label}"`;
}

class Parser {
  private pos = 0;
  terms = 0;
  constructor(private readonly lexemes: Lexeme[], private readonly limits: QueryLimits) {}

  private peek(): Lexeme { return this.lexemes[this.pos]!; }
  private next(): Lexeme { return this.lexemes[this.pos++]!; }

  parseQuery(): QueryNode {
    const node = this.parseLevel(0);
    const t = this.peek();
    if (t.kind === 'rparen') throw new QueryError(t.at, '")" has no matching "("');
    return node;
  }

  private parseLevel(depth: number): QueryNode {
    const children: QueryNode[] = [];
    const excludes: QueryNode[] = [];
    let levelOp: Op | undefined;
    let pending: (Op & { at: number }) | undefined;
    const start = this.peek().at;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'end' || t.kind === 'rparen') {
        if (pending) throw new QueryError(pending.at, `${describe(pending)} needs something to look for after it`);
        break;
      }
      if (t.kind === 'not') {
        this.next();
        if (pending && pending.op !== 'and') {
          throw new QueryError(t.at, `"NOT" right after ${describe(pending)}; NOT excludes from the whole level, so write "a NOT b"`);
        }
        pending = undefined;
        excludes.push(this.parseOperand(depth));
        continue;
      }
      if (t.kind === 'and' || t.kind === 'or' || t.kind === 'near') {
        this.next();
        const label = t.kind === 'near' ? `NEAR/${t.distance}` : t.kind.toUpperCase();
        if (pending) throw new QueryError(t.at, `"${label}" right after ${describe(pending)}`);
        if (children.length === 0) throw new QueryError(t.at, `"${label}" needs something to look for before it`);
        if (t.kind === 'near' && (t.distance < 1 || t.distance > this.limits.nearDistance)) {
          throw new QueryError(t.at, `NEAR/${t.distance} is out of range; use a distance from 1 to ${this.limits.nearDistance} words`);
        }
        pending = { op: t.kind, distance: t.kind === 'near' ? t.distance : 0, label, at: t.at };
        continue;
      }
      const at = t.at;
      const child = this.parseOperand(depth);
      if (children.length > 0) {
        const op: Op & { at: number } = pending ?? { op: 'and', distance: 0, label: '', at };
        if (levelOp && (levelOp.op !== op.op || levelOp.distance !== op.distance)) {
          throw new QueryError(op.at, `${describe(op)} after ${describe(levelOp)} at the same level; add parentheses`);
        }
        levelOp = op;
      }
      pending = undefined;
      children.push(child);
    }
    if (children.length === 0) {
      throw new QueryError(start, excludes.length > 0
        ? 'only NOT clauses here; say what to look for, then what to exclude'
        : 'nothing to look for here');
    }
    if (children.length === 1 && excludes.length === 0) return children[0]!;
    return { type: 'group', op: levelOp?.op ?? 'and', distance: levelOp?.distance ?? 0, children, excludes };
  }

  private parseOperand(depth: number, titleOnly = false): QueryNode {
    const t = this.next();
    switch (t.kind) {
      case 'title':
        return this.parseOperand(depth, true);
      case 'lparen': {
        if (depth + 1 > this.limits.depth) throw new QueryError(t.at, `parentheses nested deeper than ${this.limits.depth} levels`);
        const inner = this.parseLevel(depth + 1);
        const close = this.next();
        if (close.kind !== 'rparen') throw new QueryError(t.at, 'this "(" is never closed');
        return titleOnly ? restrictToTitle(inner) : inner;
      }
      case 'word': {
        const words = wordPatterns(t.raw, t.at, this.limits);
        this.count(words.length, t.at);
        return words.length === 1 ? { type: 'term', word: words[0]!, titleOnly } : { type: 'phrase', words, titleOnly };
      }
      case 'phrase': {
        const words = t.raw.split(/\s+/).filter((w) => w !== '').flatMap((w) => wordPatterns(w, t.at, this.limits));
        if (words.length === 0) throw new QueryError(t.at, 'empty phrase ""');
        if (words.length > this.limits.phraseWords) throw new QueryError(t.at, `phrase longer than ${this.limits.phraseWords} words`);
        this.count(words.length, t.at);
        return words.length === 1 ? { type: 'term', word: words[0]!, titleOnly } : { type: 'phrase', words, titleOnly };
      }
      case 'rparen':
        throw new QueryError(t.at, '")" has no matching "("');
      case 'end':
        throw new QueryError(t.at, 'the query ends where something to look for was expected');
      default:
        throw new QueryError(t.at, `"${t.kind.toUpperCase()}" where something to look for was expected`);
    }
  }

  private count(n: number, at: number): void {
    this.terms += n;
    if (this.terms > this.limits.terms) throw new QueryError(at, `more than ${this.limits.terms} terms; split the query`);
  }
}

function restrictToTitle(node: QueryNode): QueryNode {
  if (node.type !== 'group') return { ...node, titleOnly: true };
  return { ...node, children: node.children.map(restrictToTitle), excludes: node.excludes.map(restrictToTitle) };
}

/** "column 17" on one line, "line 3, column 5" in a multi-line query. */
function position(query: string, at: number): string {
  const before = query.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return query.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

export function parseQuery(query: string, limits: QueryLimits = LIMITS): ParseResult {
  if (query.length > limits.queryLength) {
    return { ok: false, error: `query is ${query.length} characters long; the limit is ${limits.queryLength}` };
  }
  try {
    const parser = new Parser(lex(query), limits);
    const node = parser.parseQuery();
    return { ok: true, query: node, terms: parser.terms };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: `${position(query, e.at)}: ${e.message}` };
    throw e;
  }
}
