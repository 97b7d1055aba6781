import { resolve } from 'node:path';
import type { SqlDb } from './sql';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';

/** Where the embedded database lives unless `INBOX_DB` says otherwise (gitignored). */
export const DEFAULT_INBOX_DB = '.inbox/inbox.sqlite';

/**
 * The inbox's database from the environment: PostgreSQL when `DATABASE_URL` is a postgres:// URL,
 * otherwise the SQLite file `INBOX_DB` (default `.inbox/inbox.sqlite`).
 */
export function openDatabase(env: Record<string, string | undefined> = process.env): { db: SqlDb; described: string } {
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL must be a postgres:// URL, not "${url.split(':')[0]}:..."`);
    return { db: openPostgres(url), described: `PostgreSQL at ${new URL(url).host}` };
  }
  const file = resolve(env.INBOX_DB || DEFAULT_INBOX_DB);
  return { db: openSqlite(file), described: `SQLite file ${file}` };
}
