// The slow-down after failed attempts to unlock (or to restore with a backup's passphrase). In memory only:
// a failed attempt writes nothing. An attempt that comes before its time is refused at once with the seconds
// left (TOO_MANY_ATTEMPTS), without trying the secret: the sign-in screen shows the wait instead of a
// spinner, and the right passphrase typed too early is not silently held back.
import { DomainError } from '../shared/errors';

/** No delay for the first three failures in a row, then 1 s, 2 s, 4 s … up to 30 s. */
export const defaultFailureDelay = (failures: number) => (failures < 3 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 3)));

/** Failures in a row over every username together: one passphrase sprayed over many names is slowed too.
 * More generous than the per-name count (colleagues mistype too), then the same doubling up to 30 s. */
export const globalFailureDelay = (failures: number) => (failures < 10 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 10)));

export const GLOBAL = '*';

export class Throttle {
  private readonly failures = new Map<string, number>();
  private readonly notBefore = new Map<string, number>();

  constructor(
    private readonly delayOf: (key: string, failures: number) => number,
    private readonly now: () => number,
  ) {}

  /** Failures in a row recorded for this key. */
  count(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Milliseconds until every one of these keys accepts an attempt (0: now). */
  waitMs(keys: string[]): number {
    const now = this.now();
    return Math.max(0, ...keys.map((key) => (this.notBefore.get(key) ?? 0) - now));
  }

  /** Throws TOO_MANY_ATTEMPTS (with the whole seconds left) while any of these keys must still wait. */
  check(keys: string[]): void {
    const wait = this.waitMs(keys);
    if (wait > 0) throw new DomainError('TOO_MANY_ATTEMPTS', undefined, { seconds: Math.ceil(wait / 1000) });
  }

  failed(keys: string[]): void {
    const now = this.now();
    for (const key of keys) {
      const n = this.count(key) + 1;
      this.failures.set(key, n);
      this.notBefore.set(key, now + this.delayOf(key, n));
    }
  }

  succeeded(keys: string[]): void {
    for (const key of keys) {
      this.failures.delete(key);
      this.notBefore.delete(key);
    }
  }
}
