import { z } from 'zod';
import { CURRENT_FORMAT_VERSION, Pack, PackV1, PackV2 } from '../schema/pack';
import type { Result } from '../schema/messages';

/**
 * The schema of every pack format version this build can read, by `formatVersion`.
 * A pack is validated against the schema of the version it declares (so errors speak
 * the author's format), then upgraded step by step to the current version.
 */
const SCHEMAS: Readonly<Record<number, z.ZodType>> = {
  1: PackV1,
  2: PackV2,
};

/**
 * Upgrade steps: `UPGRADES[n]` turns a valid version-n document into a version-(n+1) one.
 * 1 -> 2: format 2 only adds optional fields (deal `names`, fact `supersededBy`), so a version-1
 * pack is a version-2 pack with none; its free-form roles keep working (the matcher reads any
 * role through its vocabulary, data/match/roles.ts).
 */
const UPGRADES: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (v1) => ({ ...v1, formatVersion: 2 }),
};

/** Every `formatVersion` parsePack accepts, oldest first. */
const SUPPORTED_FORMAT_VERSIONS: readonly number[] = Object.keys(SCHEMAS).map(Number).sort((a, b) => a - b);

/** One line per zod issue: "facts.3.quantity.value: expected number, received string". */
function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : '(pack)';
    return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
  });
}

function invalid(lines: string[]): { ok: false; error: string } {
  const count = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  return { ok: false, error: `Invalid fact pack (${count}):\n${lines.map((l) => `- ${l}`).join('\n')}` };
}

/**
 * Validates a fact pack of any supported format version and upgrades it to the current one.
 * Errors name the unsupported version, or list every issue with its path.
 */
export function parsePack(raw: unknown): Result<Pack> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid(['(pack): expected a JSON object']);
  }
  const declared = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof declared !== 'number' || !Number.isInteger(declared)) {
    return invalid([`formatVersion: expected an integer, received ${JSON.stringify(declared) ?? 'nothing'}`]);
  }
  const schema = SCHEMAS[declared];
  if (!schema) {
    return {
      ok: false,
      error: `Unsupported fact pack formatVersion ${declared}: this version of Factmark reads formatVersion ${SUPPORTED_FORMAT_VERSIONS.join(', ')}`,
    };
  }
  const first = schema.safeParse(raw);
  if (!first.success) return invalid(formatIssues(first.error));

  let doc = first.data as Record<string, unknown>;
  for (let v = declared; v < CURRENT_FORMAT_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) return { ok: false, error: `No upgrade from fact pack formatVersion ${v} to ${v + 1}` };
    doc = step(doc);
  }
  if (declared === CURRENT_FORMAT_VERSION) return { ok: true, value: doc as Pack };
  // An upgraded document is checked again, so a faulty upgrade step cannot slip through.
  const upgraded = Pack.safeParse(doc);
  return upgraded.success ? { ok: true, value: upgraded.data } : invalid(formatIssues(upgraded.error));
}

/**
 * JSON Schema (draft 2020-12) of the current pack format, for pack authors.
 * Generated from the input side of the zod schema, so defaulted fields are optional;
 * cross-references (unknown entity, duplicate fact id) are checked only by parsePack.
 */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Pack, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
