/**
 * Fixed-capacity min-heap of (score, doc) keeping the k best hits seen so far. The root is the
 * weakest hit: lowest score, and among equal scores the highest doc number, because ties rank by
 * ascending doc number so results are deterministic.
 */

export class TopK {
  readonly scores: Float64Array;
  readonly docs: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.docs = new Int32Array(k);
  }

  get full(): boolean {
    return this.size === this.k;
  }

  /** Score a new hit must beat (strictly, since it comes later in doc order) once the heap is full. */
  get threshold(): number {
    return this.size === this.k ? this.scores[0] : Number.NEGATIVE_INFINITY;
  }

  /** `a` is weaker than `b`. */
  private weaker(a: number, b: number): boolean {
    const sa = this.scores[a];
    const sb = this.scores[b];
    return sa < sb || (sa === sb && this.docs[a] > this.docs[b]);
  }

  private swap(a: number, b: number): void {
    const s = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = s;
    const d = this.docs[a];
    this.docs[a] = this.docs[b];
    this.docs[b] = d;
  }

  /** Offer a hit; docs must arrive in ascending order so ties are resolved by arrival. */
  offer(doc: number, score: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      this.scores[i] = score;
      this.docs[i] = doc;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.weaker(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (!(score > this.scores[0])) return;
    this.scores[0] = score;
    this.docs[0] = doc;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.weaker(l, m)) m = l;
      if (r < this.size && this.weaker(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** Best first: score descending, then doc ascending. */
  sorted(): Array<{ doc: number; score: number }> {
    const out: Array<{ doc: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
