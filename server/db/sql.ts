/**
 * The little the inbox needs from a SQL database, so one store (server/store.ts) runs on SQLite
 * and PostgreSQL alike. Statements are written with `?` placeholders; the PostgreSQL adapter
 * numbers them.
 */
export interface SqlDb {
  /** `sqlite` (one file, one process at a time writing) or `postgres` (shared by many instances). */
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of a statement (use `RETURNING` to read back what an INSERT or UPDATE wrote). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; answers how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlDb) => Promise<T>): Promise<T>;
  /** Creates the inbox's tables once, even with several instances starting together. */
  migrate(statements: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;
