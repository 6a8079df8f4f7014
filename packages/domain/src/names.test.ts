import { describe, expect, it } from 'vitest';
import { nameKey } from './names.ts';

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
