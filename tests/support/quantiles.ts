import * as prng from 'lib0/prng';

/** The p-th percentile (nearest rank) of some values; NaN when there are none. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted.length ? sorted[rank(sorted.length, p)] : NaN;
}

/** 0-based index of the nearest-rank p-th percentile among n sorted values. */
const rank = (n: number, p: number) => Math.max(0, Math.min(n - 1, Math.ceil((p / 100) * n) - 1));

/** How many values of a sorted array are ≤ x. */
function countAtMost(sorted: Float64Array, x: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rounds of samples, each sorted once, whose pooled percentile can be read for any multiset of
 * them (a bootstrap resample) without pooling and sorting again: the answer is the smallest value
 * of all rounds that has enough samples of the chosen rounds at or below it.
 */
class Rounds {
  private readonly sorted: Float64Array[];
  private readonly all: Float64Array;

  constructor(rounds: number[][]) {
    this.sorted = rounds.map((round) => Float64Array.from(round).sort());
    this.all = Float64Array.from(rounds.flat()).sort();
  }

  /** The pooled p-th percentile when round i is taken `times[i]` times. */
  percentile(times: number[], p: number): number {
    const n = this.sorted.reduce((sum, round, i) => sum + times[i] * round.length, 0);
    if (!n) return NaN;
    const wanted = rank(n, p) + 1;
    let [lo, hi] = [0, this.all.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const atMost = this.sorted.reduce((sum, round, i) => sum + (times[i] && times[i] * countAtMost(round, this.all[mid])), 0);
      if (atMost >= wanted) hi = mid;
      else lo = mid + 1;
    }
    return this.all[lo];
  }
}

/**
 * How sure a ratio of two servers' pooled percentiles is, from rounds in which both ran one after
 * the other: the rounds are drawn again with replacement, the same rounds for both servers (a round's
 * servers shared the machine's mood of that moment), and the ratio's `level` interval over the
 * draws is returned. The seed is fixed, so the same samples always give the same interval.
 */
export function pairedRatioInterval(
  numerator: number[][],
  denominator: number[][],
  p: number,
  { draws = 2000, level = 0.9, seed = 1 }: { draws?: number; level?: number; seed?: number } = {},
): [number, number] {
  if (numerator.length !== denominator.length) throw new Error('both servers need the same rounds');
  const [top, bottom] = [new Rounds(numerator), new Rounds(denominator)];
  const random = prng.create(seed);
  const ratios = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    const times = new Array<number>(numerator.length).fill(0);
    for (let i = 0; i < numerator.length; i++) times[prng.uint32(random, 0, numerator.length - 1)]++;
    ratios[d] = top.percentile(times, p) / bottom.percentile(times, p);
  }
  ratios.sort();
  const tail = (1 - level) / 2;
  return [ratios[Math.floor(tail * (draws - 1))], ratios[Math.ceil((1 - tail) * (draws - 1))]];
}
