import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../server/db/postgres';
import { openSqlite } from '../../server/db/sqlite';
import type { SqlDb } from '../../server/db/sql';

const run = promisify(execFile);

/** Both databases the inbox runs on; every inbox test runs on each. */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASES)[number];

/** A fresh, empty database of one kind for one test file. */
export interface TestDatabase {
  kind: DatabaseKind;
  /** The environment `npm run inbox` and `npm run pack -- release` take to use it. */
  env: Record<string, string>;
  /** A new connection to it (each inbox instance opens its own). */
  open(): SqlDb;
  /** Drops it (and stops a cluster this helper started). */
  drop(): Promise<void>;
}

/**
 * The PostgreSQL server to create test databases on: DATABASE_URL (CI starts one in .ci/run), or
 * a throwaway cluster started here from Debian's package. No PostgreSQL is a failure, not a skip.
 */
async function postgresServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const script = resolve(import.meta.dirname, '../../scripts/test-postgres.sh');
  const { stdout } = await run('bash', [script, 'start']);
  const vars = Object.fromEntries(stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { url: vars.DATABASE_URL!, stop: async () => void (await run('bash', [script, 'stop', vars.PG_TEST_DIR!])) };
}

/** Creates an empty database of `kind` (a temp SQLite file, or a new PostgreSQL database). */
export async function testDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'factmark-inbox-'));
    const file = join(dir, 'inbox.sqlite');
    return { kind, env: { INBOX_DB: file }, open: () => openSqlite(file), drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const server = await postgresServer();
  const name = `factmark_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    open: () => openPostgres(url.toString()),
    async drop() {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await server.stop();
    },
  };
}
