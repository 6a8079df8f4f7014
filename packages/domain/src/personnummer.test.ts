import { describe, expect, it } from 'vitest';
import {
  containsPersonalIdentityNumber as has,
  findClientNamePhrases,
  findMistypedPersonalIdentityNumbers,
  findPersonalIdentityNumbers,
  textWarnings,
} from './personnummer.ts';

// Published examples: Skatteverket's 811218-9876 and samordningsnummer 701063-2391, and the common 121212-1212.
// The check digit, computed here from the Luhn rule, so that no expectation comes from the code under test.
const luhn = (nine: string) => {
  const sum = [...nine].reduce((s, c, i) => { const v = Number(c) * (i % 2 === 0 ? 2 : 1); return s + (v > 9 ? v - 9 : v); }, 0);
  return (10 - (sum % 10)) % 10;
};

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
    expect(luhn('121272121')).toBe(9);
    expect(has('701063-2391')).toBe(true);
    expect(has('197010632391')).toBe(true);
    expect(has('701063-2392')).toBe(false);
  });
  it('finds a number embedded in text', () => {
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
    // 29 February existed in 2000 but not in 1900.
    const serial = `123${luhn('000229123')}`;
    expect(has(`20000229-${serial}`)).toBe(true);
    expect(has(`19000229-${serial}`)).toBe(false);
  });
});

describe('the corpus: how people actually type a personnummer', () => {
  // 121212-1212 (check digit 2 by the rule above) and the samordningsnummer 121272-1219.
  it('uses numbers whose check digits hold', () => {
    expect(luhn('121212121')).toBe(2);
    expect(luhn('121272121')).toBe(9);
  });

  // The eight canonical forms: 10 and 12 digits, each without separator, with '-' and (for the over-100s) '+',
  // and the samordningsnummer in its 10 and 12 digit forms.
  const canonical = [
    '1212121212', '121212-1212', '121212+1212',
    '191212121212', '19121212-1212', '19121212+1212',
    '121272-1219', '19121272-1219',
  ];

  // The variants a staff member got stored (issue 12), and a few more of the same families.
  const variants: [string, string][] = [
    ['en dash (Word)', '121212\u20131212'],
    ['em dash', '121212\u20141212'],
    ['minus sign U+2212', '121212\u22121212'],
    ['hyphen U+2010', '121212\u20101212'],
    ['non-breaking hyphen U+2011', '121212\u20111212'],
    ['figure dash U+2012', '121212\u20121212'],
    ['small hyphen-minus U+FE63', '121212\uFE631212'],
    ['full-width hyphen-minus U+FF0D', '121212\uFF0D1212'],
    ['space', '121212 1212'],
    ['spaced dash', '121212 - 1212'],
    ['12 digits and a space', '19121212 1212'],
    ['dashes between the date parts', '1912-12-12-1212'],
    ['after "Pnr:-"', 'Pnr:-121212-1212'],
    ['glued to a word', 'klient-19121212-1212'],
    ['trailing dash', '121212-1212-'],
    ['trailing letter', '121212-1212-A'],
    ['full-width digits', '１２１２１２-１２１２'],
    ['mathematical bold digits', '\u{1D7CF}\u{1D7D0}\u{1D7CF}\u{1D7D0}\u{1D7CF}\u{1D7D0}-\u{1D7CF}\u{1D7D0}\u{1D7CF}\u{1D7D0}'],
    ['Arabic-Indic digits', '\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662'],
    ['Devanagari digits', '\u0967\u0968\u0967\u0968\u0967\u0968-\u0967\u0968\u0967\u0968'],
    ['zero-width space inside', '1212\u200B12-1212'],
    ['soft hyphen inside', '121212-12\u00AD12'],
    ['word joiner and BOM', '12\u20601212-\uFEFF1212'],
    ['dash and newline', '121212-\n1212'],
    ['underscore', '121212_1212'],
    ['slash', '121212/1212'],
    ['full stop', '121212.1212'],
    ['no-break space', '121212\u00A01212'],
    ['samordningsnummer with en dash', '121272\u20131219'],
  ];

  it.each(canonical)('finds the canonical form %s', (s) => {
    expect(has(s)).toBe(true);
    expect(has(`Samtal med ${s} i dag`)).toBe(true);
  });
  it.each(variants)('finds it written with %s', (_, s) => {
    expect(has(s)).toBe(true);
    expect(has(`Anteckning: ${s}.`)).toBe(true);
  });
  it('covers at least the 21 variants of the issue', () => expect(variants.length).toBeGreaterThanOrEqual(21));

  // Ordinary texts of an FoU unit; none of them may be refused.
  const ordinary = [
    'Seminarium 2018-03-14 kl 13-16 i Mölndal',
    'Möte 2018-03-14 1300–1600, 12 deltagare',
    // 1801052018 and 1801041300 pass the Luhn check: only the shape tells these dates from a personnummer.
    'Period 2018-01-05 – 2018-12-31',
    'Period 2018-01-05–2018-12-31',
    'Period 20180105-20181231',
    'Möte 2018-01-04 1300',
    'Ring 08-123 456 78 eller 070-123 45 67',
    'Telefon 031-365 00 00, mobil 0701234568',
    'Diarienummer SN 2018/123-4',
    'Dnr KS 2019/0312-1234',
    'Rapport 2018:3, dnr 2018-0123',
    'Under 2018 deltog 1212 personer i 12 träffar',
    'Antal deltagare: 121, 45 och 1212',
    'Org.nr 212000-1355',
    'Postnummer 412 96 Göteborg',
    'Kl. 09.00–12.00 den 12/12',
    'Version 1.2.12 släpptes 2018-12-12',
    'Budget 121 212 kr för 2019 och 2020',
    'ISBN 978-91-7000-000-0',
  ];
  it('has ordinary texts whose digits alone would pass the check', () => {
    expect(luhn('180105201')).toBe(8);
    expect(luhn('180104130')).toBe(0);
  });
  it.each(ordinary)('does not refuse "%s"', (s) => expect(findPersonalIdentityNumbers(s)).toEqual([]));
});

describe('soft warnings', () => {
  it('sees a mistyped personnummer: a real date whose check digit fails', () => {
    expect(luhn('850312123')).not.toBe(4);
    expect(findMistypedPersonalIdentityNumbers('Klient 19850312-1234')).toEqual(['19850312-1234']);
    expect(findMistypedPersonalIdentityNumbers('850312 1234')).toEqual(['850312 1234']);
    // A valid one is refused outright, not warned about; a date that does not exist is no personnummer at all.
    expect(findMistypedPersonalIdentityNumbers('121212-1212')).toEqual([]);
    expect(findMistypedPersonalIdentityNumbers('19851312-1234')).toEqual([]);
    // Phone numbers, dates and counts give no warning.
    for (const s of ['Ring 0701234568', 'Ring 070-123 45 67', 'Möte 2018-03-14 1300', 'SN 2018/123-4', '1212 deltagare']) {
      expect(findMistypedPersonalIdentityNumbers(s), s).toEqual([]);
    }
  });
  it('sees a client word followed by a capitalised name', () => {
    expect(findClientNamePhrases('Samtal med klienten Anna om boendet')).toEqual(['klienten Anna']);
    expect(findClientNamePhrases('Barnet Kalle och mamman Fatima kom')).toEqual(['Barnet Kalle', 'mamman Fatima']);
    expect(findClientNamePhrases('Brukaren: Örjan')).toEqual(['Brukaren: Örjan']);
    for (const s of ['klienten berättade om sin vardag', 'eleven i Alingsås', 'Mötet med patienten. Sedan fika', 'barnets bästa', 'Klientens perspektiv i Partille']) {
      expect(findClientNamePhrases(s), s).toEqual([]);
    }
  });
  it('names the kinds of warning a text gives', () => {
    expect(textWarnings('Handledning för personal i Mölndal')).toEqual([]);
    expect(textWarnings('klienten Anna, 19850312-1234')).toEqual(['mistyped_personal_identity_number', 'client_name']);
  });
});
