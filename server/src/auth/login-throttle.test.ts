import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('lets a few attempts through, then doubles the wait, and forgets after a success', () => {
    const throttle = new LoginThrottle(3, 250, 8000, 60_000);
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) throttle.recordFailure('a@b.be', now);
    expect(throttle.delayFor('a@b.be', now)).toBe(250);
    throttle.recordFailure('a@b.be', now);
    expect(throttle.delayFor('a@b.be', now)).toBe(500);
    for (let i = 0; i < 10; i++) throttle.recordFailure('a@b.be', now);
    expect(throttle.delayFor('a@b.be', now)).toBe(8000);
    expect(throttle.delayFor('other@b.be', now)).toBe(0);
    throttle.recordSuccess('a@b.be');
    expect(throttle.delayFor('a@b.be', now)).toBe(0);
  });

  it('forgets old failures', () => {
    const throttle = new LoginThrottle(1, 100, 1000, 60_000);
    throttle.recordFailure('a@b.be', 0);
    throttle.recordFailure('a@b.be', 0);
    expect(throttle.delayFor('a@b.be', 1000)).toBe(200);
    expect(throttle.delayFor('a@b.be', 61_001)).toBe(0);
  });
});
