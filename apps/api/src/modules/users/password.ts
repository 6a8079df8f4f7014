/** Password hashing: argon2id with the library's defaults (64 MiB, 3 passes), stored as a PHC string. */
import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
