// Passwords hashed with scrypt (node:crypto), stored as `scrypt$N$r$p$salt$hash` (base64url), compared in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A stored hash to compare against when the user does not exist, so timing does not tell. */
const DUMMY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = (stored ?? DUMMY).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return stored !== null && stored !== undefined && key.length === expected.length && timingSafeEqual(key, expected);
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A random password of 20 characters without look-alikes (l/1, o/0), about 99 bits. */
export function randomPassword(): string {
  return Array.from(randomBytes(20), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

// Passwords of 12 characters and more that lists of leaked passwords and guessing tools try first.
const COMMON = new Set([
  'wachtwoord12', 'wachtwoord123', 'wachtwoord1234', 'welkom123456', 'password1234', 'password12345', 'password123456', 'qwertyuiop12',
  'qwertyuiop123', '123456789012', '1234567890ab', 'abcdefghijkl', 'abcdef123456', 'iloveyou1234', 'gemeente1234', 'pactmonitor1',
  'pactmonitor12', 'pactmonitor123', 'thuiszitters', 'leerplicht123', 'administrator', 'letmein12345', 'zomer2024zomer',
]);

/** Why a new password is too weak, or undefined: long enough, not a known one, not the user's name, not one repeated pattern. */
export function passwordProblem(password: string, username = ''): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`;
  const plain = password.toLowerCase().normalize('NFKC');
  if (COMMON.has(plain)) return 'Dit wachtwoord staat in lijsten van veelgebruikte wachtwoorden; kies een ander';
  if (username && plain.includes(username.toLowerCase())) return 'Een wachtwoord mag de gebruikersnaam niet bevatten';
  if (new Set(plain).size < 4) return 'Een wachtwoord heeft minstens 4 verschillende tekens';
  // one short pattern over and over (abcabcabcabc, 121212121212) or a run along the keyboard or the alphabet
  if (/^(.{1,4})\1+$/.test(plain)) return 'Een wachtwoord is geen herhaling van een kort stukje';
  const runs = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm'];
  if (runs.some((run) => run.includes(plain) || run.split('').reverse().join('').includes(plain))) return 'Een wachtwoord is geen reeks opeenvolgende tekens';
  return undefined;
}
