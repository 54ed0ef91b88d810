import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer } from './debouncer.js';

describe('Debouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A debouncer whose task records each call's keys, and the keys of the calls as they were made. */
  function recording() {
    const calls: string[][] = [];
    const debouncer = new Debouncer(300, 1500, async (keys) => void calls.push([...keys].sort()));
    return { calls, debouncer };
  }

  it('runs a key once its touches settle, and at the latest after the maximum wait', async () => {
    const { calls, debouncer } = recording();
    debouncer.touch('a');
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([['a']]);
    // Touched every 100 ms: never settles, so the maximum wait decides.
    for (let elapsed = 0; elapsed < 1400; elapsed += 100) {
      debouncer.touch('b');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls).toEqual([['a']]);
    debouncer.touch('b');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('brings along the keys touched for a while when one comes due, but not a burst that just began', async () => {
    const { calls, debouncer } = recording();
    // Three keys edited in turn, as a group writing three reports at once.
    for (let step = 0; step < 16; step++) {
      for (const key of ['a', 'b', 'c']) {
        debouncer.touch(key);
        await vi.advanceTimersByTimeAsync(30);
      }
    }
    debouncer.touch('fresh');
    await vi.advanceTimersByTimeAsync(59);
    expect(calls).toEqual([]);
    // 'a' reaches its maximum wait; 'b' and 'c', touched all along, come with it.
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([['a', 'b', 'c']]);
    await vi.advanceTimersByTimeAsync(240);
    expect(calls).toEqual([['a', 'b', 'c'], ['fresh']]);
  });

  it('never runs a key while its previous run goes on, and flushes a pending key alone', async () => {
    let release = () => {};
    const started: string[][] = [];
    const debouncer = new Debouncer(300, 1500, async (keys) => {
      started.push(keys);
      await new Promise<void>((resolve) => (release = resolve));
    });
    debouncer.touch('a');
    await vi.advanceTimersByTimeAsync(300);
    debouncer.touch('a');
    debouncer.touch('b');
    await vi.advanceTimersByTimeAsync(300);
    // 'a' came due again (with 'b') while its first run still goes on: it waits for it.
    expect(started).toEqual([['a']]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([['a'], ['a', 'b']]);
    release();
    debouncer.touch('c');
    debouncer.touch('d');
    const flushed = debouncer.flush('c', async (keys) => void started.push(['flush', ...keys]));
    await flushed;
    expect(started.at(-1)).toEqual(['flush', 'c']);
    debouncer.cancelAll();
  });
});
