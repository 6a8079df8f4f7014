/**
 * Password hashing: argon2id with one of OWASP's recommended settings (46 MiB, 1 pass, 1 lane), stored as a PHC
 * string. The library's default (64 MiB, 3 passes) held more memory per sign-in than the server's whole budget
 * allows for a few at once. Not the smaller 19 MiB setting: glibc then reuses the freed block from the worker
 * thread's heap and never gives it back, while a block over its 32 MiB mmap ceiling is returned at once.
 * Hashes made with other settings still verify (the PHC string carries them) and are redone at next sign-in.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import argon2 from 'argon2';
import { PASSWORD_MESSAGES, passwordProblem, type PasswordContext, type PasswordProblemCode } from '@fou/domain';
import { badRequest } from '../../lib/errors.ts';

export { MIN_PASSWORD_LENGTH } from '@fou/domain';

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

const require = createRequire(import.meta.url);

// Runs in a worker of its own, as CommonJS: the packages are found by path from this module (src/ or dist/).
const ZXCVBN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const core = require(workerData.core);
const common = require(workerData.common);
const zxcvbn = new core.ZxcvbnFactory({
  dictionary: { 'passwords-common': common.dictionary['passwords-common'] },
  graphs: common.adjacencyGraphs,
});
parentPort.postMessage(zxcvbn.check(workerData.password, workerData.inputs).score);
`;

/**
 * zxcvbn's score 0–4 for the password: @zxcvbn-ts with its list of about 49 000 leaked passwords and the keyboard
 * patterns (not its English word list, so a passphrase of ordinary words is not marked down). It runs in a
 * short-lived worker thread: its dictionaries take some 20 MB while loaded (about 0.1 s), which the server then
 * gets back at once instead of carrying for good; passwords are set seldom.
 */
function zxcvbnScore(password: string, inputs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ZXCVBN_WORKER, {
      eval: true,
      workerData: { core: require.resolve('@zxcvbn-ts/core'), common: require.resolve('@zxcvbn-ts/language-common'), password, inputs },
    });
    worker.once('message', (score: number) => resolve(score));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`zxcvbn worker exited with code ${code}`)); });
  });
}

/** Score 0–4 from zxcvbn; below 3 (fewer than 10^8 guesses) counts as easy to guess. */
export const MIN_ZXCVBN_SCORE = 3;

/** The problem with a new password (domain rules, then the common-password check), or null. */
export async function newPasswordProblem(password: string, ctx: PasswordContext): Promise<{ code: PasswordProblemCode; message: string } | null> {
  const plain = passwordProblem(password, ctx);
  if (plain) return plain;
  const inputs = [ctx.username, ctx.displayName, ...(ctx.displayName ?? '').split(/\s+/)].filter((x): x is string => !!x);
  if ((await zxcvbnScore(password, inputs)) < MIN_ZXCVBN_SCORE) return { code: 'common_password', message: PASSWORD_MESSAGES.common_password };
  return null;
}

/** Refuses a new password with a 400 on `field`, its stable code and a Swedish message. */
export async function assertNewPassword(password: string, ctx: PasswordContext, field: string): Promise<void> {
  const problem = await newPasswordProblem(password, ctx);
  if (problem) throw badRequest([{ field, in: 'body', ...problem }]);
}
