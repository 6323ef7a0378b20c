import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.js";

describe("fixed-window rate limiter", () => {
  it("allows the limit per window per client, then refuses with the seconds left", () => {
    const limiter = createRateLimiter(2, 60_000);
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 1_000).allowed).toBe(true);
    const refused = limiter.take("a", 15_000);
    expect(refused).toMatchObject({ allowed: false, retryAfter: 45, remaining: 0 });
    expect(limiter.take("b", 15_000).allowed).toBe(true); // other clients are unaffected
    expect(limiter.take("a", 60_000).allowed).toBe(true); // a new window
  });

  it("treats 0 as unlimited", () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take("a").allowed).toBe(true);
  });
});
