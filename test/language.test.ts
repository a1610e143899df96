// Language detection on headline-sized text, and the feed's declaration as a tie-breaker.

import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../feeds/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Belgium expels 21 Russian diplomats suspected of spying'],
    ['fr', "La Belgique expulse 21 diplomates russes soupçonnés d'espionnage"],
    ['de', 'Deutschland weist 40 russische Diplomaten aus'],
    ['nl', 'België zet 21 Russische diplomaten het land uit'],
    ['it', 'Il Belgio espellerà 21 diplomatici russi'],
    ['pl', 'Polska wydaliła 45 rosyjskich dyplomatów'],
    ['ro', 'România expulzează 10 diplomați ruși'],
    ['hu', 'Magyarország kiutasított két orosz diplomatát'],
    ['el', 'Η Ελλάδα απελαύνει 12 Ρώσους διπλωμάτες'],
    ['ru', 'Бельгия высылает 21 российского дипломата'],
    ['uk', 'Бельгія висилає 21 російського дипломата'],
    ['mt', 'Malta tkeċċi diplomatiċi Russi mill-pajjiż wara l-ħabta'],
    ['ga', 'Dúirt an rialtas go bhfuil siad ag díbirt taidhleoirí agus tá an ambasáid dúnta'],
  ])('%s', (lang, text) => expect(detectLanguage(text)).toBe(lang));

  it('trusts the declared language when detection is unsure, and corrects a wrong one when sure', () => {
    expect(detectLanguage('OK', 'de-DE')).toBe('de');
    expect(detectLanguage('La Belgique expulse 21 diplomates russes soupçonnés d\'espionnage', 'en')).toBe('fr');
    expect(detectLanguage('')).toBeUndefined();
  });
});
