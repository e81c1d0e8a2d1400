// A fixed-window counter in memory: at most `limit` attempts per key per window (login: per IP + username).
export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (now - v.start >= this.windowMs) this.hits.delete(k);
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      this.hits.set(key, { start: now, count: 1 });
      return 0;
    }
    entry.count++;
    return entry.count > this.limit ? Math.ceil((entry.start + this.windowMs - now) / 1000) : 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }
}
