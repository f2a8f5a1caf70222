/*
 * Shares from the WCO Illicit Trade Report 2025 are allocated exactly rather than drawn by
 * chance: with 150 seizures a coin-flip share would wander by +/-4 points from run to run.
 */

/** Postal and express consignments together: share of all seizure cases. */
export const POSTAL_EXPRESS_SHARE = 0.448;
/** Of the seizures of new psychoactive substances (NPS), the share made in the postal stream. */
export const NPS_POSTAL_SHARE = 0.789;

/**
 * Tracks a running count against a target share (Bresenham): `take(n)` says whether the n-th
 * item must be counted to stay on round(share * n). Start counts carry the planted networks.
 */
export class Quota {
  constructor(
    private readonly share: number,
    private counted = 0,
  ) {}

  /** `total` is the number of items so far including this one. */
  take(total: number): boolean {
    if (this.counted < Math.round(this.share * total)) {
      this.counted += 1;
      return true;
    }
    return false;
  }

  get count(): number {
    return this.counted;
  }
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Low-discrepancy picks (Weyl sequence k * golden ratio): every weight band of width w is hit
 * about w * n times in any prefix of n picks, and no gap between the first n points exceeds
 * 1.9 / n (three-gap theorem), so a band wider than that is never skipped. With about 90
 * non-postal background seizures per unit even rail (8% of them) always occurs.
 */
export class SpreadPicker<T> {
  private index = 0;
  private readonly cumulative: Array<readonly [T, number]>;

  constructor(
    entries: ReadonlyArray<readonly [T, number]>,
    private readonly offset: number,
  ) {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let acc = 0;
    this.cumulative = entries.map(([value, w]) => {
      acc += w / total;
      return [value, acc] as const;
    });
  }

  next(): T {
    this.index += 1;
    const u = (this.offset + this.index * GOLDEN) % 1;
    const hit = this.cumulative.find(([, upTo]) => u < upTo) ?? this.cumulative.at(-1);
    if (hit === undefined) throw new Error("SpreadPicker has no entries");
    return hit[0];
  }
}
