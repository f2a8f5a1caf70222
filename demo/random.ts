/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same demo data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * An independent stream for one record, e.g. `Random.derive(seed, "seizure", 17)`: record 17 is
   * then the same whatever was generated before it, so a larger scale only appends records.
   */
  static derive(seed: number, ...labels: ReadonlyArray<string | number>): Random {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (const label of labels) {
      for (const char of `${label}\u0000`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
    }
    // murmur3 finaliser: nearby labels must not give correlated streams.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    return new Random(h);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: entries are [value, weight]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }

  /** Uniform in [min, max], rounded to `decimals` places. */
  float(min: number, max: number, decimals = 2): number {
    const factor = 10 ** decimals;
    return Math.round((min + this.next() * (max - min)) * factor) / factor;
  }

  /** `count` random decimal digits as a string (leading zeros kept). */
  digits(count: number): string {
    return Array.from({ length: count }, () => String(this.int(0, 9))).join("");
  }

  /** `count` random characters from `alphabet`. */
  chars(count: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"): string {
    return Array.from({ length: count }, () => alphabet.charAt(this.int(0, alphabet.length - 1))).join("");
  }

  /** `count` distinct items (all of them when `count` is larger), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, Math.min(count, pool.length));
  }

  /** A date-time on `date` (YYYY-MM-DD) between the given UTC hours. */
  timeOn(date: string, fromHour = 6, toHour = 22): Date {
    const minutes = this.int(fromHour * 60, toHour * 60 - 1);
    return new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000);
  }

  /** A v4-shaped UUID from this stream (record ids stay stable across seeds). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A date between two ISO dates, as YYYY-MM-DD. */
  date(from: string, to: string): string {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    return new Date(start + Math.floor(this.next() * (end - start + 86_400_000) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
  }
}
