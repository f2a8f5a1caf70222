import type { Random } from "./random.js";

/**
 * Guarantees that every value of a list occurs: the first calls return the values in order,
 * later calls pick by weight. The demo data set must show every enum value at least once.
 */
export class Cycler<T> {
  private calls = 0;

  constructor(
    private readonly all: readonly T[],
    private readonly weights: ReadonlyArray<readonly [T, number]>,
  ) {}

  next(rng: Random): T {
    const i = this.calls;
    this.calls += 1;
    return i < this.all.length ? (this.all[i] as T) : rng.weighted(this.weights);
  }
}

/** The values of `all` that `seen` lacks (empty when covered). */
export function missing<T>(all: readonly T[], seen: Iterable<T>): T[] {
  const present = new Set(seen);
  return all.filter((value) => !present.has(value));
}
