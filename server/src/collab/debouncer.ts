/**
 * Per-key debounce with a maximum wait: runs `task` for a key `wait` ms after its last touch, and
 * at the latest `maxWait` ms after the first touch of a burst. A key that comes due brings along
 * every other key touched for at least `wait` ms, whose own turn would come within moments: keys
 * touched together run together, in one call of `task`, instead of one after another. Runs of one
 * key never overlap.
 */
export class Debouncer {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; first: number }>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly wait: number,
    private readonly maxWait: number,
    private readonly task: (keys: string[]) => Promise<void>,
  ) {}

  touch(key: string): void {
    const now = Date.now();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing.timer);
    const first = existing?.first ?? now;
    const delay = Math.max(0, Math.min(this.wait, first + this.maxWait - now));
    const timer = setTimeout(() => void this.due(key), delay);
    timer.unref();
    this.timers.set(key, { timer, first });
  }

  private due(key: string): Promise<void> {
    // A burst that began a moment ago is left to settle: only keys touched for a while come along.
    const since = Date.now() - this.wait;
    const along = [...this.timers].filter(([other, { first }]) => other !== key && first <= since).map(([other]) => other);
    return this.run([key, ...along]);
  }

  private async run(keys: string[], task = this.task): Promise<void> {
    const previous = keys.map((key) => {
      clearTimeout(this.timers.get(key)?.timer);
      this.timers.delete(key);
      return this.running.get(key);
    });
    const next = (async () => {
      await Promise.all(previous);
      await task(keys);
    })();
    for (const key of keys) this.running.set(key, next);
    try {
      await next;
    } finally {
      for (const key of keys) if (this.running.get(key) === next) this.running.delete(key);
    }
  }

  /** Runs a key's pending task now, alone (with `task` instead of the default, if given); waits for a running one. */
  async flush(key: string, task?: (keys: string[]) => Promise<void>): Promise<void> {
    if (this.timers.has(key)) await this.run([key], task ?? this.task);
    else await this.running.get(key);
  }

  cancelAll(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
