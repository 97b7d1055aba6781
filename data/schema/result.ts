/** The shape every handler answers with, so errors cross contexts as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Any zod schema (classic or mini): both can `safeParse`. */
interface Parser<T> {
  safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Validates an incoming message; the error names the first problem and where it is. */
export function parseMessage<T>(schema: Parser<T>, raw: unknown): Result<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  return { ok: false, error: `Invalid message${where}: ${issue?.message ?? 'unknown problem'}` };
}
