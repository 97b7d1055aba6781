import { formatQuantity } from '../match/format-quantity';
import type { Fact, Pack } from '../schema/pack';
import type { SummaryFact, UpdateSummary } from '../schema/pack-messages';
import { SYNC_LIMITS } from './limits';

const brief = (f: Fact): SummaryFact => ({ id: f.id, label: f.label, value: formatQuantity(f.quantity) });

/** Whether two versions of a fact say something different to readers. */
function differs(a: Fact, b: Fact): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * Facts added, changed (old and new value) and removed between two versions of a pack, by fact id.
 * `old` is undefined for a first install (everything is added). Lists are capped; counts are exact.
 */
export function diffPacks(old: Pack | undefined, next: Pack, max: number = SYNC_LIMITS.summaryListMax): UpdateSummary {
  const before = new Map((old?.facts ?? []).map((f) => [f.id, f]));
  const summary: UpdateSummary = {
    fromVersion: old?.version ?? null,
    toVersion: next.version,
    addedCount: 0,
    changedCount: 0,
    removedCount: 0,
    added: [],
    changed: [],
    removed: [],
  };
  for (const fact of next.facts) {
    const was = before.get(fact.id);
    before.delete(fact.id);
    if (!was) {
      if (summary.addedCount++ < max) summary.added.push(brief(fact));
    } else if (differs(was, fact)) {
      if (summary.changedCount++ < max) {
        summary.changed.push({ id: fact.id, label: fact.label, from: formatQuantity(was.quantity), to: formatQuantity(fact.quantity) });
      }
    }
  }
  for (const fact of before.values()) if (summary.removedCount++ < max) summary.removed.push(brief(fact));
  return summary;
}

/** The summary as plain lines, for the CLI. */
export function summaryLines(s: UpdateSummary): string[] {
  const lines = [`version ${s.fromVersion ?? '(none)'} -> ${s.toVersion}: ${s.addedCount} added, ${s.changedCount} changed, ${s.removedCount} removed`];
  for (const f of s.added) lines.push(`+ ${f.id}: ${f.value} (${f.label})`);
  for (const f of s.changed) lines.push(`~ ${f.id}: ${f.from} -> ${f.to} (${f.label})`);
  for (const f of s.removed) lines.push(`- ${f.id}: ${f.value} (${f.label})`);
  const hidden = s.addedCount + s.changedCount + s.removedCount - s.added.length - s.changed.length - s.removed.length;
  if (hidden > 0) lines.push(`(${hidden} more not listed)`);
  return lines;
}
