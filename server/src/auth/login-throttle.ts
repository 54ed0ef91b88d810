/**
 * Slows down repeated failed logins for one email: after a few free attempts each further
 * failure doubles the wait imposed on the next attempt (capped), and a success resets it.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly freeAttempts = 3,
    private readonly baseDelayMs = 250,
    private readonly maxDelayMs = 8000,
    private readonly forgetAfterMs = 15 * 60_000,
  ) {}

  delayFor(email: string, now = Date.now()): number {
    const entry = this.failures.get(email);
    if (!entry) return 0;
    if (now - entry.last > this.forgetAfterMs) {
      this.failures.delete(email);
      return 0;
    }
    const extra = entry.count - this.freeAttempts;
    return extra < 0 ? 0 : Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** extra);
  }

  recordFailure(email: string, now = Date.now()): void {
    const entry = this.failures.get(email);
    this.failures.set(email, { count: (entry?.count ?? 0) + 1, last: now });
    if (this.failures.size > 10_000) this.prune(now);
  }

  recordSuccess(email: string): void {
    this.failures.delete(email);
  }

  private prune(now: number): void {
    for (const [email, entry] of this.failures) {
      if (now - entry.last > this.forgetAfterMs) this.failures.delete(email);
    }
  }
}
