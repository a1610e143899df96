// The fast matcher must agree with the brute-force reference on random queries and texts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNode, evaluate, PatternTable, scanDocument } from '../feeds/themes/query/matcher.ts';
import { parseQuery } from '../feeds/themes/query/parse.ts';
import { referenceSpans } from './support/reference-evaluator.ts';

const VOCAB = ['ab', 'abc', 'abcd', 'Abcde', 'cyber', 'attack', 'cyberattack', 'zéd', 'ZED', 'x', 'l', 'expulsion', 'ß', 'ss', 'abcde', 'cybe'];
const QUERY_WORDS = ['abc', 'abc*', 'abcd', 'cyber', 'cyber*', 'attack*', 'cyberattack', 'cyber-attack', 'cyberatt*', 'zed', 'x', "l'expulsion", 'expul*', 'ss', 'ab', 'abcdeabcde', 'cybeabcd*', 'ababc'];
const SEPARATORS = [' ', ' ', ' ', '-', "'", '. ', ', ', '  ', '\u2019', ' – '];

const text = fc
  .array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...SEPARATORS)), { maxLength: 25 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

const leaf = fc.oneof(
  fc.constantFrom(...QUERY_WORDS),
  fc.array(fc.constantFrom(...QUERY_WORDS), { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(' ')}"`),
  fc.constantFrom(...QUERY_WORDS).map((w) => `title:${w}`),
);

const { query } = fc.letrec<{ query: string; group: string }>((tie) => ({
  query: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('group')),
  group: fc
    .tuple(
      fc.constantFrom(' AND ', ' OR ', ' ', ' NEAR/1 ', ' NEAR/3 ', ' NEAR/8 '),
      fc.array(tie('query'), { minLength: 1, maxLength: 3 }),
      fc.array(tie('query'), { maxLength: 1 }),
    )
    .map(([op, children, excludes]) => `(${children.join(op)}${excludes.map((x) => ` NOT ${x}`).join('')})`),
}));

describe('matcher against the reference evaluator', () => {
  it('finds exactly the same spans for random queries and texts', () => {
    fc.assert(
      fc.property(query, text, text, (q, title, body) => {
        const parsed = parseQuery(q);
        if (!parsed.ok) throw new Error(`generated query did not parse: ${q}: ${parsed.error}`);
        const table = new PatternTable();
        const root = compileNode(parsed.query, table);
        const fast = evaluate(root, scanDocument({ title, body }, table)).map((s) => `${s.start}:${s.end}`);
        expect(fast).toEqual(referenceSpans(parsed.query, title, body));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same answer whichever order the themes were compiled in', () => {
    fc.assert(
      fc.property(query, query, text, (q1, q2, body) => {
        const p1 = parseQuery(q1);
        const p2 = parseQuery(q2);
        if (!p1.ok || !p2.ok) throw new Error('generated query did not parse');
        const alone = new PatternTable();
        const r1 = compileNode(p1.query, alone);
        const shared = new PatternTable();
        compileNode(p2.query, shared);
        const r1Shared = compileNode(p1.query, shared);
        const doc = { title: '', body };
        expect(evaluate(r1Shared, scanDocument(doc, shared))).toEqual(evaluate(r1, scanDocument(doc, alone)));
      }),
      { numRuns: 500 },
    );
  });
});
