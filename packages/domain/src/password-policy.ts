/**
 * What a new password must be, after NIST SP 800-63B (5.1.1.2): long enough, and not one an attacker tries first.
 * No composition rules (digits, capitals): length and a blocklist do more. These are the rules that need no word
 * list, so the form can tell at once; the API adds the check against common passwords (@zxcvbn-ts) on top.
 *
 * - At least 12 characters, counted as characters a person sees (code points), not UTF-16 units.
 * - Not mostly one character: fewer than 4 different characters (`aaaaaaaaaaaa`, twelve spaces,
 *   `abababababab`, `abcabcabcabc`) or one character making up more than half of it.
 * - Not the username or the display name, nor containing them: compared ignoring case, accents' composed forms,
 *   spaces and punctuation (`Anna.Andersson-2024` contains "Anna Andersson"); also any part of the display name
 *   of 5 letters or more (a surname), and the username when it has 3 characters or more.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblemCode = 'too_short' | 'too_long' | 'repetitive' | 'contains_username' | 'contains_name' | 'common_password';

export interface PasswordProblem {
  code: PasswordProblemCode;
  /** Swedish, for the person choosing the password. */
  message: string;
}

export const PASSWORD_MESSAGES: Record<PasswordProblemCode, string> = {
  too_short: `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken. En fras av några ord är lätt att minnas.`,
  too_long: `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`,
  repetitive: 'Lösenordet består mest av samma tecken. Välj ett med fler olika tecken, till exempel en fras av några ord.',
  contains_username: 'Lösenordet får inte innehålla användarnamnet.',
  contains_name: 'Lösenordet får inte innehålla ditt namn.',
  common_password: 'Lösenordet är för lätt att gissa: det är ett vanligt lösenord eller ett enkelt mönster (som 123456, qwerty eller Sommar2024). Välj en längre fras av några ord.',
};

export interface PasswordContext {
  username?: string | null;
  displayName?: string | null;
}

/** Lower case, composed, only letters and digits: how the name comparisons see a text. */
export function foldForComparison(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase('sv').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The first rule the password breaks (the cheap ones; the common-password check is the API's), or null. */
export function passwordProblem(password: string, ctx: PasswordContext = {}): PasswordProblem | null {
  const problem = (code: PasswordProblemCode): PasswordProblem => ({ code, message: PASSWORD_MESSAGES[code] });
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return problem('too_short');
  if (chars.length > MAX_PASSWORD_LENGTH) return problem('too_long');
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size < 4 || Math.max(...counts.values()) * 2 > chars.length) return problem('repetitive');
  const folded = foldForComparison(password);
  const username = foldForComparison(ctx.username ?? '');
  if (username.length >= 3 && folded.includes(username)) return problem('contains_username');
  const name = foldForComparison(ctx.displayName ?? '');
  const parts = (ctx.displayName ?? '').split(/[^\p{L}\p{N}]+/u).map(foldForComparison).filter((p) => p.length >= 5);
  if ((name.length >= 3 && folded.includes(name)) || parts.some((p) => folded.includes(p))) return problem('contains_name');
  return null;
}
