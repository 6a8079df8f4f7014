import { describe, expect, it } from 'vitest';
import { nameKey, titleKey } from './names.ts';

describe('nameKey', () => {
  it('is the same for one name in NFC, NFD, other case and spacing', () => {
    const nfc = '\u00C5sa Öberg';
    const nfd = 'A\u030Asa O\u0308berg';
    expect(nfc).not.toBe(nfd);
    expect(nameKey(nfd)).toBe(nameKey(nfc));
    expect(nameKey('maria')).toBe(nameKey('Maria'));
    expect(nameKey('ÅSA  ÖBERG ')).toBe(nameKey(nfc));
    expect(nameKey('\uFB01ka')).toBe(nameKey('fika'));
  });
  it('keeps different names apart', () => {
    expect(nameKey('Åsa')).not.toBe(nameKey('Asa'));
    expect(nameKey('Mölndal')).not.toBe(nameKey('Molndal'));
  });
});

describe('titleKey', () => {
  it.each([
    ['Nätverksträff – BBIC', 'nätverksträff BBIC'],
    ['Seminarium: barn och unga.', 'seminarium  barn och unga'],
    ['FoU-frukost', 'FoU frukost'],
    ['ÖPPNA JÄMFÖRELSER 2018', 'öppna jämförelser 2018'],
    ['A\u030Asa', '\u00C5sa'],
  ])('%j and %j are one title', (a, b) => {
    expect(titleKey(a)).toBe(titleKey(b));
  });
  it.each([
    ['Nätverksträff grupp 1', 'Nätverksträff grupp 2'],
    ['Öppna jämförelser 2018', 'Öppna jämförelser 2019'],
    ['Seminarium om barn', 'Seminarium om vuxna'],
  ])('%j and %j are two titles', (a, b) => {
    expect(titleKey(a)).not.toBe(titleKey(b));
  });
  it('keeps the Swedish letters as letters', () => expect(titleKey('Å, ä – ö!')).toBe('åäö'));
});
