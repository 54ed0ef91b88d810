import { describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import { pairedRatioInterval, percentile } from './quantiles.js';

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('percentile', () => {
  it('is the nearest rank, whatever the order', () => {
    const values = range(100, (i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('pairedRatioInterval', () => {
  const random = prng.create(7);
  // Rounds of unequal moods: each its own scale, with a tail.
  const rounds = range(8, (r) => range(200 + r * 13, () => (1 + r / 4) * (prng.real53(random) < 0.98 ? prng.real53(random) : 5 + prng.real53(random) * 10)));

  it('is exactly 1 for a server against itself, and exactly 2 against one twice as fast', () => {
    expect(pairedRatioInterval(rounds, rounds, 99)).toEqual([1, 1]);
    expect(pairedRatioInterval(rounds.map((round) => round.map((v) => 2 * v)), rounds, 99)).toEqual([2, 2]);
  });

  it('gives the interval of pooling and sorting every draw again, with the same draws', () => {
    const other = rounds.map((round, r) => round.map((v, i) => v * (1 + ((i + r) % 5) / 10)));
    const draws = 300;
    const generator = prng.create(3);
    const ratios = range(draws, () => {
      const chosen = range(rounds.length, () => prng.uint32(generator, 0, rounds.length - 1));
      return percentile(chosen.flatMap((i) => other[i]), 99) / percentile(chosen.flatMap((i) => rounds[i]), 99);
    }).sort((a, b) => a - b);
    expect(pairedRatioInterval(other, rounds, 99, { draws, seed: 3, level: 0.8 })).toEqual([ratios[Math.floor(0.1 * (draws - 1))], ratios[Math.ceil(0.9 * (draws - 1))]]);
  });

  it('is wider when the rounds disagree than when they agree', () => {
    const steady = rounds.map((round) => round.map((v) => v * 1.1));
    const moody = rounds.map((round, r) => round.map((v) => v * (r % 2 ? 0.7 : 1.5)));
    const width = ([low, high]: [number, number]) => high - low;
    expect(width(pairedRatioInterval(moody, rounds, 99))).toBeGreaterThan(width(pairedRatioInterval(steady, rounds, 99)) + 0.2);
  });

  it('refuses rounds that do not pair up', () => {
    expect(() => pairedRatioInterval(rounds, rounds.slice(1), 99)).toThrow(/same rounds/);
  });
});
