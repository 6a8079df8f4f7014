/**
 * The key two register names are compared by: the same letters in any Unicode form (NFC "Å" or "A" + combining
 * ring, the "ﬁ" ligature or "fi") and any case ("maria", "Maria") are one name, as are names differing only in
 * runs of whitespace.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('sv').replace(/\s+/gu, ' ').trim();
}
