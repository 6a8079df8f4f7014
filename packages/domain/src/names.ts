/**
 * The key two register names are compared by: the same letters in any Unicode form (NFC "Å" or "A" + combining
 * ring, the "ﬁ" ligature or "fi") and any case ("maria", "Maria") are one name, as are names differing only in
 * runs of whitespace.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('sv').replace(/\s+/gu, ' ').trim();
}

/**
 * The key two activity titles are compared by when warning of a double registration: letters and digits only, in
 * one case and Unicode form, so "Nätverksträff – BBIC" and "nätverksträff BBIC" or "Seminarium: barn" and
 * "Seminarium barn." are one title. A warning, never a refusal, so it may well match a little too much.
 */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLocaleLowerCase('sv').replace(/[^\p{L}\p{N}]+/gu, '');
}
