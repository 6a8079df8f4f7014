import { describe, expect, it } from 'vitest';
import { containsPersonalIdentityNumber as has, findPersonalIdentityNumbers } from './personnummer.ts';

// Published examples: Skatteverket's 811218-9876 and samordningsnummer 701063-2391, and the common 121212-1212.
describe('personnummer', () => {
  it('finds a personnummer with and without century and separator', () => {
    for (const s of ['811218-9876', '8112189876', '19811218-9876', '198112189876', '121212+1212', '20121212-1212']) {
      expect(has(s), s).toBe(true);
    }
  });
  it('refuses every wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 6) continue;
      expect(has(`811218-987${d}`)).toBe(false);
    }
  });
  it('finds a samordningsnummer (day + 60) and refuses it with a wrong check digit', () => {
    expect(has('701063-2391')).toBe(true);
    expect(has('197010632391')).toBe(true);
    expect(has('701063-2392')).toBe(false);
  });
  it('finds a number embedded in text and reports it as written', () => {
    expect(findPersonalIdentityNumbers('Samtal med klient 811218-9876 om insatsen.')).toEqual(['811218-9876']);
    expect(has('(pnr:8112189876)')).toBe(true);
  });
  it('lets dates, phone numbers and other numbers pass', () => {
    expect(has('Seminarium 2018-03-14 kl 13-16')).toBe(false);
    expect(has('Ring 0701234568 eller 08-123 456 78')).toBe(false);
    expect(has('Rapport 2018:3, dnr 2018-0123, 1234567890')).toBe(false);
    expect(has('811318-9876')).toBe(false); // month 13 does not exist
    expect(has('811232-9876')).toBe(false); // neither does day 32
    expect(has('18112189876')).toBe(false); // eleven digits are not a personnummer
  });
  it('knows leap days only where they exist with a century', () => {
    // 29 February existed in 2000 but not in 1900; the check digit is computed here from the Luhn rule.
    const luhn = (nine: string) => {
      const sum = [...nine].reduce((s, c, i) => { const v = Number(c) * (i % 2 === 0 ? 2 : 1); return s + (v > 9 ? v - 9 : v); }, 0);
      return (10 - (sum % 10)) % 10;
    };
    const serial = `123${luhn('000229123')}`;
    expect(has(`20000229-${serial}`)).toBe(true);
    expect(has(`19000229-${serial}`)).toBe(false);
  });
});
