// Alert rendering: feed text inert (no mention, no formatting, no masked link), the matched terms
// in bold, and every Discord limit kept even for 10 hostile stories in one message.

import { describe, expect, it } from 'vitest';
import { boldTerms, cut, embedLength, escapeFeedText, renderAlertMessage, renderDigestMessage, renderStoryEmbed } from '../bot/alerts/render.ts';
import type { StoryAlert } from '../bot/alerts/deliver.ts';
import type { PendingAlert } from '../db/outbox.ts';
import { validateMessage } from './support/fake-discord.ts';

const THEMES = [
  { id: 'expulsions', name: 'Expulsions', emoji: '🚪', colour: 0xc0392b },
  { id: 'cyberattacks', name: 'Cyberattacks', emoji: '💻', colour: 0x2980b9 },
];

function story(overrides: Partial<PendingAlert> = {}, themeIds = ['expulsions']): StoryAlert {
  const base: PendingAlert = {
    id: 1, storyId: 7, itemId: 1, subscriptionId: 1, channelId: 'c', themeId: 'expulsions', title: 'Belgium expels 21 Russian diplomats',
    summary: 'Brussels ordered 21 diplomats to leave within two weeks, the foreign ministry said.', link: 'https://news.example/1',
    source: 'Agence', language: 'en', publishedAt: Date.parse('2026-11-23T09:00:00Z'), terms: ['expels', 'diplomats'], score: 0.8, attempts: 0, nonce: null, countries: ['BE', 'RU'],
    ...overrides,
  };
  return { storyId: base.storyId, alerts: themeIds.map((themeId) => ({ ...base, themeId })) };
}

describe('escapeFeedText', () => {
  it('neutralises mentions, markdown and masked links', () => {
    expect(escapeFeedText('@everyone @here <@123> <@!123> <@&456> <#789>')).toBe('@\u200beveryone @\u200bhere <@\u200b123> <@!\u200b123> <@&\u200b456> <#\u200b789>');
    expect(escapeFeedText('**bold** _it_ `code` ~~s~~ [x](https://evil.example)')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\[x\\](https://evil.example)');
    // Whitespace is folded to one line, so a heading or quote can never start a line.
    expect(escapeFeedText('a\n\n# Heading\n> quote')).toBe('a # Heading > quote');
  });
});

describe('cut', () => {
  it('cuts at a word with an ellipsis, never leaving a dangling escape or half a surrogate pair', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(cut('abc\\*def', 5)).toBe('abc…');
    expect(cut('ab😀cd', 4)).toBe('ab…');
  });
});

describe('boldTerms', () => {
  it('bolds each matched term as written, case-insensitively, and escapes the rest', () => {
    expect(boldTerms('Brussels EXPELS 21 diplomats *now*', ['expels', 'diplomats'], 200)).toBe('Brussels **EXPELS** 21 **diplomats** \\*now\\*');
  });
});

describe('renderStoryEmbed', () => {
  it('links the headline, shows themes, source, time as a Discord timestamp, and why it matched', () => {
    const e = renderStoryEmbed(story({}, ['expulsions', 'cyberattacks']), THEMES);
    expect(e).toMatchObject({ title: 'Belgium expels 21 Russian diplomats', url: 'https://news.example/1', color: 0xc0392b, timestamp: '2026-11-23T09:00:00.000Z' });
    expect(e.description).toBe('Brussels ordered 21 **diplomats** to leave within two weeks, the foreign ministry said.');
    expect(e.fields).toEqual([
      { name: 'Themes', value: '🚪 Expulsions · 💻 Cyberattacks', inline: true },
      { name: 'Source', value: `Agence (en) · <t:${Date.parse('2026-11-23T09:00:00Z') / 1000}:f>`, inline: true },
      { name: 'Countries', value: '🇧🇪 🇷🇺', inline: true },
    ]);
    expect(e.footer!.text).toBe('Matched "expels", "diplomats" · score 0.80 · /story 7');
  });
});

describe('also reported by', () => {
  it('lists the other outlets with language and link, then a count, and their countries join the flags', () => {
    const reports = Array.from({ length: 7 }, (_, i) => ({
      itemId: i + 2, title: 't', source: `Outlet ${i}`, language: 'fr', link: `https://o${i}.example/a(1)`, publishedAt: 0, countries: i === 0 ? ['NL'] : [],
    }));
    const e = renderStoryEmbed({ ...story(), alsoReported: reports }, THEMES);
    const also = e.fields!.find((f) => f.name === 'Also reported by')!;
    expect(also.value.split('\n')).toEqual([
      '[Outlet 0](https://o0.example/a%281%29) (fr)', '[Outlet 1](https://o1.example/a%281%29) (fr)', '[Outlet 2](https://o2.example/a%281%29) (fr)',
      '[Outlet 3](https://o3.example/a%281%29) (fr)', '[Outlet 4](https://o4.example/a%281%29) (fr)', 'and 2 more (/story shows every report)',
    ]);
    expect(e.fields!.find((f) => f.name === 'Countries')!.value).toBe('🇧🇪 🇳🇱 🇷🇺');
  });
});

describe('renderAlertMessage', () => {
  it('keeps 10 hostile stories within every limit, parses no mention and enforces the nonce', () => {
    const hostile = '@everyone **x** '.repeat(700);
    const stories = Array.from({ length: 12 }, (_, i) => story({ id: i + 1, storyId: i + 1, title: hostile, summary: hostile, source: hostile, terms: Array(40).fill('x'.repeat(60)) }));
    const body = renderAlertMessage(stories, THEMES, 'iw1');
    expect(body.embeds).toHaveLength(10);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body).toMatchObject({ nonce: 'iw1', enforce_nonce: true });
    expect(validateMessage(body as Record<string, unknown>)).toEqual([]);
    expect(body.embeds!.every((e) => e.title!.startsWith('@\u200beveryone \\*\\*x\\*\\*'))).toBe(true);
    expect(body.embeds!.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(JSON.stringify(body)).not.toMatch(/@everyone/);
  });

  it('gives one story the room of the whole message', () => {
    const long = 'Diplomats expelled after the spy affair. '.repeat(300);
    const body = renderAlertMessage([story({ title: long, summary: long })], THEMES, 'iw2');
    expect(body.embeds![0]!.title!.length).toBe(256);
    expect(validateMessage(body as Record<string, unknown>)).toEqual([]);
  });
});

describe('renderDigestMessage', () => {
  it('groups the stories by theme, fits 200 hostile ones in the limits, and says how many are left out', () => {
    const hostile = '@everyone [x](https://evil.example) '.repeat(50);
    const stories = Array.from({ length: 200 }, (_, i) => story({ id: i + 1, storyId: i + 1, title: `${hostile} ${i}` }, i % 2 ? ['expulsions'] : ['cyberattacks']));
    const body = renderDigestMessage(stories, THEMES, 'dg1', 'daily');
    expect(body.content).toBe('Digest of the last day: 200 stories.');
    expect(body.embeds!.map((e) => e.title)).toEqual(['💻 Cyberattacks: 100 stories', '🚪 Expulsions: 100 stories']);
    expect(body.embeds![0]!.description).toMatch(/…and \d+ more \(\/recent shows them\)$/);
    expect(validateMessage(body as Record<string, unknown>)).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/@everyone/);
    expect(body.embeds![0]!.description).toContain('\\[x\\](https://evil.example)');
    expect(body).toMatchObject({ allowed_mentions: { parse: [] }, nonce: 'dg1', enforce_nonce: true });
  });
});
