import pg from 'pg';
import type { SqlDb, SqlValue } from './sql';

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the inbox's statements hold no literal `?`). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function over(client: Queryable, pool: pg.Pool | null): SqlDb {
  return {
    dialect: 'postgres',
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(numbered(sql), params as SqlValue[])).rows as Row[];
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), params as SqlValue[])).rowCount ?? 0;
    },
    async transaction<T>(work: (tx: SqlDb) => Promise<T>): Promise<T> {
      if (!pool) return work(this); // already inside one
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        const result = await work(over(tx, null));
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    async migrate(statements) {
      // An advisory lock, so instances starting at once do not race on CREATE TABLE.
      await this.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(7252019)');
        for (const statement of statements) await tx.run(statement);
      });
    },
    async close() {
      await pool?.end();
    },
  };
}

/** The inbox on PostgreSQL (`DATABASE_URL=postgres://...`): every instance behind a load balancer shares it. */
export function openPostgres(url: string): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pool.on('error', () => undefined); // an idle client's dropped connection is replaced on next use
  return over(pool, pool);
}
