import { describe, expect, it } from "vitest";
import { l2normalize, VectorIndex } from "./vector-index.js";

const v = (...xs: number[]) => new Float32Array(xs);

describe("VectorIndex", () => {
  const index = VectorIndex.build(
    new Map([
      ["c", v(0, 1, 0)],
      ["a", v(2, 0, 0)],
      ["b", v(1, 1, 0)],
      ["d", v(0, 0, 0)],
      ["bad", v(1, 2)], // other length: left out
    ]),
  );

  it("normalises rows, orders them by id and skips vectors of another length", () => {
    expect(index.ids).toEqual(["a", "b", "c", "d"]);
    expect(index.dim).toBe(3);
    expect(index.skipped).toBe(1);
    expect(Array.from(l2normalize(v(3, 4)))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  it("finds exact top-k by cosine, best first", () => {
    const hits = index.search(v(10, 0, 0), 3);
    expect(hits.map((h) => h.id)).toEqual(["a", "b", "c"]);
    expect(hits[0]?.score).toBeCloseTo(1, 6);
    expect(hits[1]?.score).toBeCloseTo(Math.SQRT1_2, 6);
    expect(hits[2]?.score).toBeCloseTo(0, 6);
  });

  it("breaks ties by id and respects an allow-list", () => {
    const tied = VectorIndex.build([
      ["z", v(1, 0)],
      ["m", v(1, 0)],
      ["q", v(1, 0)],
    ]);
    expect(tied.search(v(1, 0), 2).map((h) => h.id)).toEqual(["m", "q"]);
    expect(index.search(v(1, 0, 0), 5, (row) => index.ids[row] !== "a").map((h) => h.id)).toEqual([
      "b",
      "c",
      "d",
    ]);
  });

  it("returns nothing for a query of another length, k ≤ 0, or an empty index", () => {
    expect(index.search(v(1, 0), 3)).toEqual([]);
    expect(index.search(v(1, 0, 0), 0)).toEqual([]);
    expect(VectorIndex.build(new Map()).search(v(1), 3)).toEqual([]);
  });

  it("agrees with a brute-force sort on random data", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff - 0.5;
    };
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        [`p${String(i).padStart(3, "0")}`, v(...Array.from({ length: 16 }, rand))] as [string, Float32Array],
    );
    const big = VectorIndex.build(rows);
    const q = v(...Array.from({ length: 16 }, rand));
    const nq = l2normalize(q);
    const expected = rows
      .map(([id, x]) => {
        const nx = l2normalize(x);
        return { id, score: nx.reduce((s, xi, i) => s + xi * (nq[i] as number), 0) };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((h) => h.id);
    expect(big.search(q, 10).map((h) => h.id)).toEqual(expected);
  });
});
