/**
 * A fixed-window rate limiter keyed by client (IP). In memory, because Osler serves from one
 * process; windows are swept lazily so the map cannot grow without bound.
 */

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfter: number;
  remaining: number;
}

export interface RateLimiter {
  take(key: string, now?: number): RateDecision;
}

/** `perMinute` 0 means unlimited (benchmarks). */
export function createRateLimiter(perMinute: number, windowMs = 60_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    take(key, now = Date.now()) {
      if (perMinute <= 0) return { allowed: true, retryAfter: 0, remaining: Number.POSITIVE_INFINITY };
      if (now - lastSweep > windowMs) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
        lastSweep = now;
      }
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      const retryAfter = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
      if (w.count >= perMinute) return { allowed: false, retryAfter, remaining: 0 };
      w.count++;
      return { allowed: true, retryAfter, remaining: perMinute - w.count };
    },
  };
}
