/** Limits and defaults of pack sync, in one place so docs, CLI and extension agree. */
export const SYNC_LIMITS = {
  /**
   * Largest pack body accepted, in bytes (checked from Content-Length and while reading).
   * A realistic pack of 100,000 facts is about 50 MB of JSON, so the limit sits above that.
   */
  maxPackBytes: 64 * 1024 * 1024,
  /** Largest signature file accepted: a base64 Ed25519 signature is 88 characters. */
  maxSignatureBytes: 1024,
  /** How long one request may take before it is abandoned. */
  timeoutMs: 30_000,
  /** Default time between automatic checks: a day. */
  defaultIntervalMinutes: 24 * 60,
  /** Automatic checks never run more often than this. */
  minIntervalMinutes: 60,
  /** Longest update summary list kept per kind (the counts stay exact). */
  summaryListMax: 50,
} as const;

/** A byte count in whole megabytes, for messages. */
export const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
