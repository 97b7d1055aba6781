import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDb, SqlValue } from './sql';

/**
 * The inbox's embedded database: one SQLite file (WAL, so `npm run pack -- release` can read it
 * while the inbox runs). better-sqlite3 is synchronous; transactions are queued one after another,
 * since an async transaction on one connection must not interleave with another.
 */
export function openSqlite(file: string): SqlDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  let queue: Promise<unknown> = Promise.resolve();

  const direct: SqlDb = {
    dialect: 'sqlite',
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return db.prepare(sql).all(...params) as Row[];
    },
    async run(sql, params = []) {
      return db.prepare(sql).run(...params).changes;
    },
    transaction<T>(work: (tx: SqlDb) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async migrate(statements) {
      db.transaction(() => statements.forEach((s) => db.exec(s)))();
    },
    async close() {
      await queue;
      db.close();
    },
  };
  return direct;
}
