import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// argon2id with the OWASP minimum (19 MiB, 2 passes): ~25 ms here, enough against offline guessing.
// Algorithm is a const enum that isolatedModules cannot inline: 2 is Argon2id.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // No hash: still spend the time of a verification, so that timing does not tell which emails exist.
  if (!stored) {
    await hash(password, ARGON2);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A new password for an account: 20 characters from an unambiguous alphabet (~115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let out = '';
  for (const b of bytes) {
    if (b < 220) out += alphabet[b % alphabet.length]; // 220 = 4 × 55: no modulo bias
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : generatePassword();
}

/** A bearer secret: a prefix that says what it is (secret scanners, logs) and 256 random bits. */
export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The CSRF token of a console session: derived from its secret, so nothing more is stored (synchronizer token). */
export const csrfTokenFor = (sessionSecret: string) => createHash('sha256').update(`csrf:${sessionSecret}`).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
