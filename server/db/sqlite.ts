import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDb, SqlValue } from './sql';

/**
 * The inbox's embedded database: one SQLite file (WAL, so `npm run pack -- release` can read it
 * while the inbox runs). better-sqlite3 is synchronous and has one connection, so every statement
 * and transaction takes its turn in one queue: a statement from another request can never land
 * inside a transaction that is waiting between its own statements.
 */
export function openSqlite(file: string): SqlDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Runs statements at once: only inside a turn (a transaction's own statements). */
  const now: SqlDb = {
    dialect: 'sqlite',
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return db.prepare(sql).all(...params) as Row[];
    },
    async run(sql, params = []) {
      return db.prepare(sql).run(...params).changes;
    },
    transaction: (work) => work(now),
    async migrate(statements) {
      db.transaction(() => statements.forEach((s) => db.exec(s)))();
    },
    async close() {
      db.close();
    },
  };

  return {
    dialect: 'sqlite',
    query: (sql, params) => inTurn(() => now.query(sql, params)),
    run: (sql, params) => inTurn(() => now.run(sql, params)),
    transaction: (work) =>
      inTurn(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(now);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    migrate: (statements) => inTurn(() => now.migrate(statements)),
    close: () => inTurn(() => now.close()),
  };
}
