import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const code = (pw: string, ctx = {}) => passwordProblem(pw, ctx)?.code ?? null;

describe('passwordProblem', () => {
  it('wants 12 characters as a person counts them', () => {
    expect(code('kort-lösen1')).toBe('too_short');
    expect(code('långa-lösen1')).toBeNull();
    // Six emoji are twelve UTF-16 units but six characters.
    expect(code('🐻🐻🐻🐻🦊🦊')).toBe('too_short');
    expect(code('x'.repeat(201))).toBe('too_long');
  });

  it('refuses passwords that are mostly one character or a short pattern', () => {
    for (const pw of ['aaaaaaaaaaaa', ' '.repeat(12), 'abababababab', 'abcabcabcabc', 'aaaaaaaaaa12', '1111111111111111', 'xxxxxxxabcdef']) {
      expect(code(pw), JSON.stringify(pw)).toBe('repetitive');
    }
    expect(code('abcdabcdabcd')).toBeNull(); // four different characters, none over half: the word list's job
  });

  it('refuses the username or display name inside, whatever the case, spacing and punctuation', () => {
    const ctx = { username: 'anna.andersson', displayName: 'Anna Andersson' };
    expect(code('ANNA.ANDERSSON-2024', ctx)).toBe('contains_username');
    expect(code('mitt-annaandersson!', { displayName: 'Anna Andersson' })).toBe('contains_name');
    expect(code('Anna Andersson 1985', { displayName: 'Anna Andersson' })).toBe('contains_name');
    expect(code('andersson-på-fredag', ctx)).toBe('contains_name');
    expect(code('sommarstugan-vid-sjön', ctx)).toBeNull();
    // Short name parts are ordinary words: "Bo" and "Test" do not count on their own.
    expect(code('bokhyllan-i-hallen', { displayName: 'Bo Ek' })).toBeNull();
    expect(code('testlösenord-123', { username: 'test-chef-1', displayName: 'Test chef 1' })).toBeNull();
    expect(code('admin-lösenord-12', { username: 'admin' })).toBe('contains_username');
  });
});
