/**
 * Password hashing: argon2id with one of OWASP's recommended settings (46 MiB, 1 pass, 1 lane), stored as a PHC
 * string. The library's default (64 MiB, 3 passes) held more memory per sign-in than the server's whole budget
 * allows for a few at once. Not the smaller 19 MiB setting: glibc then reuses the freed block from the worker
 * thread's heap and never gives it back, while a block over its 32 MiB mmap ceiling is returned at once.
 * Hashes made with other settings still verify (the PHC string carries them) and are redone at next sign-in.
 */
import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;

const OPTIONS = { type: argon2.argon2id, memoryCost: 46 * 1024, timeCost: 1, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

/** Whether a stored hash was made with other settings than today's, and should be redone. */
export const needsRehash = (hash: string) => argon2.needsRehash(hash, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
