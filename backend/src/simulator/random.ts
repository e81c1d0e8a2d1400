// The simulator's only source of chance: a seeded PRNG (sfc32, seeded by a string hash), with the draws the
// simulator needs. No Math.random, no clock: the same seed gives the same history, byte for byte.
// `fork(label)` gives an independent generator for a named part (a gemeente, a year, a child), so adding a
// draw in one part does not shift the draws of every other part.

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export interface Random {
  /** The label this generator was seeded with (for forks). */
  readonly seed: string;
  /** Uniform in [0, 1). */
  next(): number;
  /** 32 random bits. */
  bits(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Log-normal with the given median and log-scale spread, as a whole number of days ≥ min. */
  days(median: number, sigma: number, min?: number, max?: number): number;
  /** A version-4-shaped UUID from this generator. */
  uuid(): string;
  /** A pseudonym like `pseudonymise` makes: 32 characters of lower-case base32. */
  childRef(): string;
  /** An independent generator for a named part. */
  fork(label: string | number): Random;
}

export function random(seed: string | number): Random {
  const label = String(seed);
  let [a, b, c, d] = hash128(label);
  const bits = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) bits(); // mix the seed in
  const next = () => bits() / 4294967296;
  const hex = (n: number, width = 8) => n.toString(16).padStart(width, '0');
  const rng: Random = {
    seed: label,
    next,
    bits,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(weights) {
      const entries = Object.entries(weights) as [never, number][];
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    days(median, sigma, min = 1, max = 3650) {
      return Math.min(max, Math.max(min, Math.round(median * Math.exp(sigma * rng.normal()))));
    },
    uuid() {
      const [w1, w2, w3, w4] = [bits(), bits(), bits(), bits()];
      const s = hex(w1) + hex(w2) + hex(w3) + hex(w4);
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${'89ab'[w3 & 3]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
    },
    childRef() {
      let out = '';
      for (let i = 0; i < 32; i++) out += BASE32[bits() & 31];
      return out;
    },
    fork: (part) => random(`${label}/${part}`),
  };
  return rng;
}
