// The built-in theme files: well formed, the five scoped ids, every language present, and the
// traps of each scope left out on examples that name them.

import { describe, expect, it } from 'vitest';
import { loadBuiltinThemes } from '../feeds/themes/builtin.ts';
import { builtinMatcher } from '../feeds/themes/builtin-matcher.ts';
import { parseThemeFile } from '../feeds/themes/theme-file.ts';

describe('built-in themes', () => {
  const themes = loadBuiltinThemes();

  it('are the five scoped themes, each with name, description, emoji, colour and threshold', () => {
    expect(themes.map((t) => t.id)).toEqual(['cyberattacks', 'disinformation', 'election-interference', 'eu-parliament-influence', 'expulsions']);
    for (const t of themes) {
      expect(t.name.length).toBeGreaterThan(3);
      expect(t.description.length).toBeGreaterThan(40);
      expect(t.emoji).not.toBe('');
      expect(t.colour).toBeGreaterThanOrEqual(0);
      expect(t.threshold).toBeGreaterThanOrEqual(0);
    }
  });

  const selected = builtinMatcher();
  if (!selected.ok) throw new Error(selected.error);
  const themesOf = (title: string, body = '') => selected.matcher.match({ title, body }).map((h) => h.themeId).sort();

  it.each([
    ['en', 'Poland expels 45 Russian diplomats suspected of spying'],
    ['fr', 'La France expulse 35 diplomates russes'],
    ['de', 'Deutschland weist 40 russische Diplomaten aus'],
    ['nl', 'België zet 21 Russische diplomaten het land uit'],
    ['it', "L'Italia espelle 30 diplomatici russi"],
    ['es', 'España expulsa a 25 diplomáticos rusos'],
    ['pt', 'Portugal expulsa dez diplomatas russos'],
    ['pl', 'Polska wydaliła 45 rosyjskich dyplomatów'],
    ['ro', 'România expulzează 10 diplomați ruși'],
    ['cs', 'Česko vyhostilo 18 ruských diplomatů'],
    ['sk', 'Slovensko vyhostí troch ruských diplomatov'],
    ['hu', 'Két orosz diplomatát utasított ki Magyarország'],
    ['el', 'Η Ελλάδα απελαύνει 12 Ρώσους διπλωμάτες'],
    ['bg', 'България обяви 70 руски дипломати за персона нон грата'],
    ['sv', 'Sverige utvisar tre ryska diplomater'],
    ['ru', 'Бельгия высылает 21 российского дипломата'],
    ['uk', 'Бельгія висилає 21 російського дипломата'],
  ])('expulsions in %s', (_lang, title) => expect(themesOf(title)).toContain('expulsions'));

  it.each([
    ['football', 'Red card: striker sent off and expelled from the pitch in derby'],
    ['own ambassador recalled', 'France recalls its ambassador to Algeria for consultations'],
    ['ambassador summoned', 'Germany summons Russian ambassador over cyberattack claims'],
    ['eviction', 'Tenants ordered to leave within 72 hours after fire inspection'],
    ['party', 'MP expelled from the party after row over leadership'],
    ['pupils', 'Pupils expelled from school after exam cheating scandal'],
  ])('leaves out %s', (_trap, title) => expect(themesOf(title)).not.toContain('expulsions'));

  it('keeps hard negatives of the other themes out', () => {
    expect(themesOf('Cybersecurity fair opens in Lille with 500 exhibitors')).toEqual([]);
    expect(themesOf('Outage at airline was not caused by a cyberattack, company says')).not.toContain('cyberattacks');
    expect(themesOf('European Parliament awards Sakharov prize to Iranian women')).toEqual([]);
    expect(themesOf('Polls show tight race ahead of Sunday election; turnout expected to be high')).toEqual([]);
    expect(themesOf('Museum opens exhibition on Soviet propaganda posters')).not.toContain('disinformation');
  });

  it('gives an item several themes when it reports several', () => {
    expect(themesOf('Russian hackers behind cyberattack on election commission, disinformation campaign targeted voters'))
      .toEqual(['cyberattacks', 'disinformation', 'election-interference']);
  });

  it('reports theme file errors with the file, line and column', () => {
    const bad = parseThemeFile('id: x\nname: X\ndescription: d\nemoji: e\ncolour: #000000\nthreshold: 0.2\n---\na OR\n  b AND c', 'x.theme');
    expect(bad).toEqual({ ok: false, error: 'x.theme (query starts on line 8): line 3, column 5: "AND" after "OR" at the same level; add parentheses' });
    expect(parseThemeFile('id: x\n---\na', 'x.theme')).toEqual({ ok: false, error: 'x.theme: missing "name:" in the header' });
    expect(parseThemeFile('no separator', 'x.theme')).toMatchObject({ ok: false });
  });
});
