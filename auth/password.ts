// Password hashing (argon2id, OWASP parameters) and the strength policy.
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '../domain/account';

// algorithm 2 = Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const zxcvbn = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that nobody has');
  return decoyHash;
}

/**
 * Refuses passwords from the common-password lists and guessable ones
 * (zxcvbn score < 3). Returns a Russian message, or null when acceptable.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Пароль должен быть не короче ${PASSWORD_MIN_LENGTH} символов`;
  const result = zxcvbn.check(password, userInputs.filter(Boolean));
  if (result.sequence.some((m) => m.pattern === 'dictionary' && m.token.length >= password.length - 2)) {
    return 'Этот пароль слишком распространён: такие пароли подбирают первыми. Придумайте другой';
  }
  if (result.score < 3) return 'Пароль легко подобрать: добавьте слова, цифры или знаки, не используйте имя и почту';
  return null;
}
