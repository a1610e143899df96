// Unit tests of the query language: folding, every operator, every error, the limits.

import { describe, expect, it } from 'vitest';
import { compileThemes } from '../feeds/themes/match.ts';
import { parseQuery } from '../feeds/themes/query/parse.ts';
import { foldWord, tokenize } from '../feeds/themes/query/text.ts';

function matches(query: string, title: string, body = ''): boolean {
  const compiled = compileThemes([{ id: 't', query, threshold: 0 }]);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.matcher.match({ title, body }).length > 0;
}

function errorOf(query: string): string {
  const r = parseQuery(query);
  if (r.ok) throw new Error(`expected an error for ${query}`);
  return r.error;
}

describe('folding', () => {
  it.each([
    ['Wilmès', 'wilmes'], ['ÉLECTION', 'election'], ['Straße', 'strasse'], ['wydalił', 'wydalil'],
    ['şeful', 'seful'], ['șeful', 'seful'], ['ţară', 'tara'], ['țară', 'tara'], ['Διπλωμάτες', 'διπλωματεσ'],
    ['ΑΠΕΛΑΣΗΣ', 'απελασησ'], ['Высылка', 'высылка'], ['ёлка', 'елка'], ['Дніпро', 'дніпро'], ['Їжак', 'іжак'], ['Йорданія', 'иорданія'],
    ['Øresund', 'oresund'], ['Ħamrun', 'hamrun'], ['ﬁn', 'fin'],
  ])('%s folds to %s', (word, folded) => expect(foldWord(word)).toBe(folded));

  it('splits at punctuation and marks which separators a term may run across', () => {
    const words = tokenize("l'expulsion des cyber-attaques. Fin des cyber attaques");
    expect(words.map((w) => w.text)).toEqual(['l', 'expulsion', 'des', 'cyber', 'attaques', 'fin', 'des', 'cyber', 'attaques']);
    expect(words.map((w) => w.joinsNext)).toEqual([true, false, false, true, false, false, false, true, false]);
  });
});

describe('matching', () => {
  it('is case- and diacritic-insensitive both ways', () => {
    expect(matches('wilmes', 'Sophie Wilmès announced')).toBe(true);
    expect(matches('Wilmès', 'SOPHIE WILMES ANNOUNCED')).toBe(true);
    expect(matches('expulzeaza', 'România expulzează diplomați')).toBe(true);
    expect(matches('"şeful diplomaţiei"', 'șeful diplomației a declarat')).toBe(true);
  });

  it('matches terms as whole words and prefix* as word beginnings', () => {
    expect(matches('spy', 'spying for Russia')).toBe(false);
    expect(matches('spy*', 'spying for Russia')).toBe(true);
    expect(matches('diplomat*', 'Diplomaten ausgewiesen')).toBe(true);
    expect(matches('diplomat', 'diplomats')).toBe(false);
  });

  it('treats hyphens and apostrophes sensibly', () => {
    for (const text of ['a cyber-attack', 'a cyberattack', 'a cyber attack', 'a Cyber–attack']) {
      expect(matches('cyber-attack', text), text).toBe(text !== 'a Cyber–attack');
      expect(matches('cyberattack', text), text).toBe(text !== 'a Cyber–attack');
    }
    expect(matches("l'expulsion", "annonce l’expulsion de")).toBe(true);
    expect(matches('expulsion', "annonce l'expulsion de")).toBe(true);
    expect(matches('cyberattack', 'cyber. Attack')).toBe(false);
    // Across a space only between words of four letters or more: "de Portugal" is no deportation.
    expect(matches('deport*', 'a condenação de Portugal')).toBe(false);
    expect(matches('therapist', 'the rapist')).toBe(false);
    expect(matches('deport*', 'de-portugal')).toBe(true);
  });

  it('matches "phrases" as consecutive words, with prefixes inside', () => {
    expect(matches('"persona non grata"', 'declared persona non grata')).toBe(true);
    expect(matches('"persona non grata"', 'persona, non grata')).toBe(true);
    expect(matches('"persona grata"', 'persona non grata')).toBe(false);
    expect(matches('"diplomat* russ*"', 'expulse des diplomates russes')).toBe(true);
  });

  it('AND, OR and adjacency', () => {
    expect(matches('expel AND diplomats', 'diplomats were told; Poland will expel')).toBe(true);
    expect(matches('expel diplomats', 'Poland will expel')).toBe(false);
    expect(matches('expel OR deport', 'They deport')).toBe(true);
    expect(matches('(expel OR deport) embassy', 'They deport')).toBe(false);
  });

  it('NEAR/n counts words between the two sides, either order', () => {
    expect(matches('expel NEAR/1 diplomats', 'expel diplomats')).toBe(true);
    expect(matches('expel NEAR/3 diplomats', 'expel three Russian diplomats')).toBe(true);
    expect(matches('expel NEAR/2 diplomats', 'expel three Russian diplomats')).toBe(false);
    expect(matches('expel NEAR/3 diplomats', 'diplomats they will expel')).toBe(true);
    expect(matches('a NEAR/2 b NEAR/2 c', 'a x b x c')).toBe(true);
    expect(matches('a NEAR/2 b NEAR/2 c', 'a x b x x x c')).toBe(false);
    // One word is never both sides: "Hlas" is a party and a vote, but not a bought vote.
    expect(matches('(hlas OR kupit*) NEAR/3 hlas*', 'strana Hlas vyhrala')).toBe(false);
    expect(matches('(hlas OR kupit*) NEAR/3 hlas*', 'kupit hlasy')).toBe(true);
  });

  it('NEAR and phrases never reach from the headline into the body', () => {
    expect(matches('expel NEAR/5 diplomats', 'Poland to expel', 'diplomats')).toBe(false);
    expect(matches('"expel diplomats"', 'Poland to expel', 'diplomats')).toBe(false);
  });

  it('NOT excludes the item when the excluded thing occurs anywhere', () => {
    expect(matches('expelled NOT football', 'Player expelled', 'in the football match')).toBe(false);
    expect(matches('expelled NOT football', 'Diplomat expelled')).toBe(true);
    expect(matches('expelled AND NOT football', 'Player expelled', 'football')).toBe(false);
    expect(matches('(a OR b NOT c) d', 'a d')).toBe(true);
    expect(matches('(a OR b NOT c) d', 'a d c')).toBe(false);
  });

  it('title: looks only at the headline', () => {
    expect(matches('title:expel', 'Poland to expel diplomats')).toBe(true);
    expect(matches('title:expel', 'News', 'Poland to expel diplomats')).toBe(false);
    expect(matches('title:(expel NEAR/3 diplomats)', 'Poland to expel diplomats')).toBe(true);
    expect(matches('title:"expel diplomats"', 'Short', 'expel diplomats')).toBe(false);
    expect(matches('diplomats NOT title:football', 'Football', 'diplomats')).toBe(false);
  });

  it('reports the evidence as written and scores the headline higher', () => {
    const compiled = compileThemes([{ id: 'x', query: 'expuls* NEAR/5 "diplomates russes"', threshold: 0 }]);
    if (!compiled.ok) throw new Error(compiled.error);
    const [inTitle] = compiled.matcher.match({ title: 'La Belgique EXPULSE 21 Diplomates Russes', body: '' });
    const [inBody] = compiled.matcher.match({ title: 'Belgique', body: 'La Belgique expulse 21 diplomates russes' });
    expect(inTitle?.terms).toEqual(['EXPULSE', 'Diplomates Russes']);
    expect(inTitle?.inTitle).toBe(true);
    expect(inBody?.inTitle).toBe(false);
    expect(inTitle!.score).toBeGreaterThan(inBody!.score);
  });

  it('drops hits below the theme threshold', () => {
    const compiled = compileThemes([{ id: 'x', query: 'expel*', threshold: 0.5 }]);
    if (!compiled.ok) throw new Error(compiled.error);
    expect(compiled.matcher.match({ title: 'Poland expels', body: '' })).toHaveLength(1);
    expect(compiled.matcher.match({ title: 'Poland', body: `${'word '.repeat(100)} expels` })).toHaveLength(0);
  });
});

describe('errors name the position and the problem', () => {
  it.each([
    ['a OR b AND c', 'column 8: "AND" after "OR" at the same level; add parentheses'],
    ['a b OR c', 'column 5: "OR" after a space (meaning AND) at the same level; add parentheses'],
    ['a NEAR/3 b NEAR/4 c', 'column 12: "NEAR/4" after "NEAR/3" at the same level; add parentheses'],
    ['NOT a', 'column 1: only NOT clauses here; say what to look for, then what to exclude'],
    ['a (NOT b)', 'column 4: only NOT clauses here; say what to look for, then what to exclude'],
    ['(a', 'column 1: this "(" is never closed'],
    ['a)', 'column 2: ")" has no matching "("'],
    ['"abc', 'column 1: this quote is never closed'],
    ['ab*', 'column 1: "ab*" is too short a prefix; use at least 3 letters before the *'],
    ['x*y', 'column 1: "x*y": a * may only end a word'],
    ['a NEAR/0 b', 'column 3: NEAR/0 is out of range; use a distance from 1 to 100 words'],
    ['a NEAR/x b', 'column 3: "NEAR/x" is not a distance; write NEAR/ followed by a number of words, e.g. NEAR/10'],
    ['a OR NOT b', 'column 6: "NOT" right after "OR"; NOT excludes from the whole level, so write "a NOT b"'],
    ['a AND', 'column 3: "AND" needs something to look for after it'],
    ['OR a', 'column 1: "OR" needs something to look for before it'],
    ['a AND OR b', 'column 7: "OR" right after "AND"'],
    ['""', 'column 1: empty phrase ""'],
    ['a ---', 'column 3: "---" has no letters or digits to look for'],
    ['', 'column 1: nothing to look for here'],
    ['a\n  OR b AND c', 'line 2, column 8: "AND" after "OR" at the same level; add parentheses'],
  ])('%j', (query, error) => expect(errorOf(query)).toBe(error));

  it('limits length, terms, depth and phrase size', () => {
    expect(errorOf('a '.repeat(30_001))).toMatch(/^query is 60002 characters long; the limit is 60000$/);
    expect(errorOf(Array.from({ length: 5001 }, (_, i) => `w${i}`).join(' OR '))).toMatch(/more than 5000 terms/);
    expect(errorOf(`${'('.repeat(31)}a${')'.repeat(31)}`)).toMatch(/nested deeper than 30 levels/);
    expect(errorOf(`"${'w '.repeat(13)}"`)).toMatch(/phrase longer than 12 words/);
    expect(errorOf(`${'x'.repeat(65)}`)).toMatch(/longer than 64 letters/);
  });
});

describe('hostile sizes', () => {
  it('matches a 1 MB text against a 500-term query without trouble', () => {
    const terms = Array.from({ length: 500 }, (_, i) => (i % 2 ? `term${i}*` : `"word${i} other${i}"`));
    const query = `(${terms.join(' OR ')}) NEAR/20 (aaa OR bbb*)`;
    const text = 'aaa term1x word2 other2 bbbb zzz '.repeat(32_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(matches(query, '', text)).toBe(true);
    expect(matches(`${query} NOT zzz`, '', text)).toBe(false);
  });
});
