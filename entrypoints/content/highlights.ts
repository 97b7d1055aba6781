import type { VerdictKind } from '../../data/schema/verdict';
import type { Annotation } from './annotation';

const KINDS: VerdictKind[] = ['verified', 'mismatch', 'unverified'];

/** Registers one CSS highlight per verdict (`factmark-verified`, ...); replaces earlier ones. */
export function paintHighlights(annotations: Annotation[], showUnverified: boolean): void {
  const byKind = new Map<VerdictKind, Range[]>(KINDS.map((k) => [k, []]));
  for (const a of annotations) byKind.get(a.verdict.verdict)!.push(a.range);
  for (const kind of KINDS) {
    const ranges = kind === 'unverified' && !showUnverified ? [] : byKind.get(kind)!;
    if (ranges.length) CSS.highlights.set(`factmark-${kind}`, new Highlight(...ranges));
    else CSS.highlights.delete(`factmark-${kind}`);
  }
}

/** Removes every Factmark highlight from the page. */
export function clearHighlights(): void {
  for (const kind of KINDS) CSS.highlights.delete(`factmark-${kind}`);
}
