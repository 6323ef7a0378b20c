/**
 * The SQLite FTS5 baseline the issue compares against: porter tokenizer, every query word OR-ed,
 * bm25() ranking. Built in a scratch database from the store's passages (text only).
 */
import Database from "better-sqlite3";

export class Fts5Baseline {
  readonly db: Database.Database;
  private readonly query: Database.Statement;

  constructor(path = ":memory:") {
    this.db = new Database(path);
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS p USING fts5(pid UNINDEXED, body, tokenize = 'porter unicode61')",
    );
    this.query = this.db.prepare(
      "SELECT pid, bm25(p) AS score FROM p WHERE p MATCH ? ORDER BY score LIMIT ?",
    );
  }

  addAll(rows: Iterable<{ id: string; text: string }>): number {
    const insert = this.db.prepare("INSERT INTO p (pid, body) VALUES (?, ?)");
    let n = 0;
    const tx = this.db.transaction((batch: Array<{ id: string; text: string }>) => {
      for (const r of batch) insert.run(r.id, r.text);
    });
    let batch: Array<{ id: string; text: string }> = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === 10_000) {
        tx(batch);
        n += batch.length;
        batch = [];
      }
    }
    tx(batch);
    return n + batch.length;
  }

  /** Every word of the query OR-ed, each quoted so FTS5 syntax characters stay literal. */
  static matchExpression(text: string): string | null {
    const words = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0);
    if (words.length === 0) return null;
    return [...new Set(words)].map((w) => `"${w}"`).join(" OR ");
  }

  search(text: string, k: number): Array<{ id: string; score: number }> {
    const expr = Fts5Baseline.matchExpression(text);
    if (!expr) return [];
    return (this.query.all(expr, k) as Array<{ pid: string; score: number }>).map((r) => ({
      id: r.pid,
      score: -r.score,
    }));
  }

  close(): void {
    this.db.close();
  }
}
