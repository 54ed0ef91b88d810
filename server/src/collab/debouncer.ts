/**
 * Per-key debounce with a maximum wait: runs `task(key)` `wait` ms after the last touch, and at
 * the latest `maxWait` ms after the first touch of a burst. Runs of one key never overlap.
 */
export class Debouncer {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; first: number }>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly wait: number,
    private readonly maxWait: number,
    private readonly task: (key: string) => Promise<void>,
  ) {}

  touch(key: string): void {
    const now = Date.now();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing.timer);
    const first = existing?.first ?? now;
    const delay = Math.max(0, Math.min(this.wait, first + this.maxWait - now));
    const timer = setTimeout(() => void this.run(key), delay);
    timer.unref();
    this.timers.set(key, { timer, first });
  }

  private async run(key: string, task = this.task): Promise<void> {
    this.timers.delete(key);
    const previous = this.running.get(key);
    const next = (async () => {
      await previous;
      await task(key);
    })();
    this.running.set(key, next);
    try {
      await next;
    } finally {
      if (this.running.get(key) === next) this.running.delete(key);
    }
  }

  /** Runs a pending task now (with `task` instead of the default, if given); waits for a running one. */
  async flush(key: string, task?: (key: string) => Promise<void>): Promise<void> {
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending.timer);
      await this.run(key, task ?? this.task);
    } else {
      await this.running.get(key);
    }
  }

  cancelAll(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
