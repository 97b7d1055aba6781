import { createHash } from 'node:crypto';
import { CorrectionSubmission, type ReviewStatus } from '../data/schema/correction';
import type { SqlDb } from './db/sql';

/** The inbox's tables; the same statements create them on SQLite and PostgreSQL. */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS inbox_corrections (
    id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    pack_id TEXT NOT NULL,
    submission TEXT NOT NULL,
    readers INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    received_at TEXT NOT NULL,
    decided_at TEXT,
    released_in INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS inbox_submissions (
    id TEXT PRIMARY KEY,
    correction_id TEXT NOT NULL,
    received_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS inbox_rate (
    address TEXT NOT NULL,
    window_index INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (address, window_index)
  )`,
];

/** The maintainer's decision on a correction. */
export type Decision = { status: 'accepted'; reason?: string } | { status: 'rejected'; reason: string };

/** One correction in the review queue: the first reader's submission and how many proposed the same. */
export interface QueuedCorrection {
  /** The inbox's id for the group: the first submission's id. */
  id: string;
  submission: CorrectionSubmission;
  /** How many readers (distinct idempotency keys) proposed the same value for the same fact or deal. */
  readers: number;
  status: ReviewStatus['status'];
  reason?: string;
  receivedAt: string;
  decidedAt?: string;
  /** The pack version this correction went into, once released. */
  releasedIn?: number;
}

/** What a submit did: stored a new correction, joined one (same proposal, new reader), or repeated a key. */
export type SubmitOutcome = 'stored' | 'grouped' | 'repeated';

interface CorrectionRow {
  id: string;
  submission: string;
  readers: number | string;
  status: string;
  reason: string | null;
  received_at: string;
  decided_at: string | null;
  released_in: number | string | null;
}

/**
 * Two submissions are "the same correction" when they propose the same value (and unit) for the
 * same fact, or for a new fact the same value measuring the same thing in the same deal.
 */
export function proposalFingerprint(s: CorrectionSubmission): string {
  const target = s.kind === 'dispute' ? s.factId : `${s.dealId}|${s.measures.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  const key = [s.packId, s.kind, target ?? '', s.proposed.unit, s.proposed.value, s.proposed.high ?? null];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

function toQueued(row: CorrectionRow): QueuedCorrection {
  return {
    id: row.id,
    submission: CorrectionSubmission.parse(JSON.parse(row.submission)),
    readers: Number(row.readers),
    status: row.status as QueuedCorrection['status'],
    ...(row.reason ? { reason: row.reason } : {}),
    receivedAt: row.received_at,
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.released_in !== null ? { releasedIn: Number(row.released_in) } : {}),
  };
}

/**
 * Everything the inbox keeps, in SQL: corrections (grouped by proposal), every submission's
 * idempotency key, and per-address rate counters. No state lives in the process, so any number
 * of instances can share one PostgreSQL database.
 */
export class InboxStore {
  private constructor(readonly db: SqlDb) {}

  /** Opens the store over a database, creating its tables if needed. */
  static async open(db: SqlDb): Promise<InboxStore> {
    await db.migrate(SCHEMA);
    return new InboxStore(db);
  }

  /**
   * Files a valid submission exactly once per idempotency key (its `id`). A new key proposing what
   * another reader already proposed joins that correction (`readers` + 1) instead of a new one.
   */
  async submit(s: CorrectionSubmission, now = new Date()): Promise<SubmitOutcome> {
    const at = now.toISOString();
    return this.db.transaction(async (tx) => {
      const fresh = await tx.query('INSERT INTO inbox_submissions (id, correction_id, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id', [s.id, '', at]);
      if (fresh.length === 0) return 'repeated';
      const [group] = await tx.query<{ id: string; readers: number | string }>(
        `INSERT INTO inbox_corrections (id, fingerprint, pack_id, submission, readers, status, received_at)
         VALUES (?, ?, ?, ?, 1, 'pending', ?)
         ON CONFLICT (fingerprint) DO UPDATE SET readers = inbox_corrections.readers + 1
         RETURNING id, readers`,
        [s.id, proposalFingerprint(s), s.packId, JSON.stringify(s), at],
      );
      await tx.run('UPDATE inbox_submissions SET correction_id = ? WHERE id = ?', [group!.id, s.id]);
      return Number(group!.readers) === 1 ? 'stored' : 'grouped';
    });
  }

  /** The review status a contributor polls, by their correction id; undefined when unknown. */
  async status(submissionId: string): Promise<ReviewStatus | undefined> {
    const [row] = await this.db.query<{ status: string; reason: string | null }>(
      'SELECT c.status, c.reason FROM inbox_submissions s JOIN inbox_corrections c ON c.id = s.correction_id WHERE s.id = ?',
      [submissionId],
    );
    if (!row) return undefined;
    return { status: row.status as ReviewStatus['status'], ...(row.reason ? { reason: row.reason } : {}) };
  }

  /** Every correction, pending ones first, oldest first within each status. */
  async queue(): Promise<QueuedCorrection[]> {
    const rows = await this.db.query<CorrectionRow>(
      `SELECT id, submission, readers, status, reason, received_at, decided_at, released_in FROM inbox_corrections
       ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, received_at, id`,
    );
    return rows.map(toQueued);
  }

  /** How many corrections and submissions are kept (what tests and the maintainer count). */
  async counts(): Promise<{ corrections: number; submissions: number }> {
    const [c] = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM inbox_corrections');
    const [s] = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM inbox_submissions');
    return { corrections: Number(c!.n), submissions: Number(s!.n) };
  }

  /** Records the maintainer's decision; false when there is no such correction or it was already released. */
  async decide(id: string, decision: Decision, now = new Date()): Promise<boolean> {
    const changed = await this.db.run(
      'UPDATE inbox_corrections SET status = ?, reason = ?, decided_at = ? WHERE id = ? AND released_in IS NULL',
      [decision.status, decision.reason?.trim() || null, now.toISOString(), id],
    );
    return changed > 0;
  }

  /** Accepted corrections of a pack that no release has taken yet, oldest first. */
  async acceptedUnreleased(packId: string): Promise<QueuedCorrection[]> {
    const rows = await this.db.query<CorrectionRow>(
      `SELECT id, submission, readers, status, reason, received_at, decided_at, released_in FROM inbox_corrections
       WHERE pack_id = ? AND status = 'accepted' AND released_in IS NULL ORDER BY received_at, id`,
      [packId],
    );
    return rows.map(toQueued);
  }

  /** Marks corrections as taken into pack version `version`. */
  async markReleased(ids: readonly string[], version: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const id of ids) await tx.run('UPDATE inbox_corrections SET released_in = ? WHERE id = ?', [version, id]);
    });
  }

  /**
   * Counts one request from `address` in the current window and answers whether it is within
   * `limit` per `windowMs`. The counter is in the database, so the limit holds across instances.
   * Addresses are kept only as a hash.
   */
  async withinRate(address: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
    const window = Math.floor(now / windowMs);
    const hashed = createHash('sha256').update(`factmark-inbox|${address}`).digest('hex').slice(0, 32);
    const [row] = await this.db.query<{ hits: number | string }>(
      `INSERT INTO inbox_rate (address, window_index, hits) VALUES (?, ?, 1)
       ON CONFLICT (address, window_index) DO UPDATE SET hits = inbox_rate.hits + 1 RETURNING hits`,
      [hashed, window],
    );
    await this.db.run('DELETE FROM inbox_rate WHERE window_index < ?', [window - 1]);
    return Number(row!.hits) <= limit;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

