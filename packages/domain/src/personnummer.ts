/**
 * Finds Swedish personal identity numbers (personnummer, and samordningsnummer whose day is +60) in free
 * text, so activity records cannot carry client data. A candidate counts only when its date exists and its
 * Luhn check digit holds, so phone numbers and ISO dates pass.
 */
const CANDIDATE = /(?<![\d-])((?:19|20)?\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d-])/g;

function luhnOk(nineDigitsAndCheck: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(nineDigitsAndCheck[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function dateExists(yy: string, mm: number, dd: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // Without a century any leap year may be meant; 2000 stands for them all.
  const year = yy.length === 4 ? Number(yy) : 2000 + Number(yy);
  const days = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return dd <= days;
}

/** The personal identity numbers found in the text, as written. */
export function findPersonalIdentityNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, year, month, day, , serial] = m as unknown as [string, string, string, string, string, string];
    const dd = Number(day);
    const realDay = dd > 60 ? dd - 60 : dd;
    if (!dateExists(year, Number(month), realDay)) continue;
    if (luhnOk(`${year.slice(-2)}${month}${day}${serial}`)) found.push(whole);
  }
  return found;
}

export function containsPersonalIdentityNumber(text: string): boolean {
  return findPersonalIdentityNumbers(text).length > 0;
}
