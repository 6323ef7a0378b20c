import { describe, expect, it } from "vitest";
import { createAskQueue } from "./ask-queue.js";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("ask queue", () => {
  it("starts runs in arrival order, at most `concurrency` at a time", async () => {
    const queue = createAskQueue(2);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const jobs = [0, 1, 2, 3, 4].map((i) =>
      queue.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await tick();
        running--;
        return i * 10;
      }),
    );
    expect(await Promise.all(jobs)).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it("passes failures through and keeps going", async () => {
    const queue = createAskQueue(1);
    const failed = queue.run(async () => {
      throw new Error("no");
    });
    await expect(failed).rejects.toThrow("no");
    expect(await queue.run(async () => "yes")).toBe("yes");
  });

  it("refuses new runs with a retryable rate_limited error when too many are waiting", async () => {
    const queue = createAskQueue(1, 1);
    const first = queue.run(() => tick()); // running (after setImmediate)
    const second = queue.run(() => tick()); // waiting
    void first;
    const third = queue.run(() => tick());
    await expect(third).rejects.toMatchObject({ code: "rate_limited", retryable: true });
    await Promise.all([first, second]);
  });
});
