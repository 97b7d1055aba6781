import type { VerdictKind } from '../../data/schema/verdict';
import type { Annotation } from './annotation';
import { annotationAt, type NodeIndex } from './hit-test';
import { NearViewport } from './near-viewport';

const KINDS: VerdictKind[] = ['verified', 'mismatch', 'unverified'];

/**
 * The page's live annotations and their CSS highlights (`factmark-verified`, `factmark-mismatch`,
 * `factmark-unverified`). Added and removed incrementally, so a change to one paragraph costs
 * work in proportion to that paragraph, not to the page; only paragraphs near the viewport have
 * their ranges registered (see NearViewport).
 */
export class AnnotationSet {
  private readonly byNode: NodeIndex = new Map();
  private readonly all = new Set<Annotation>();
  private readonly byOwner = new Map<Element, Annotation[]>();
  private readonly near: NearViewport;
  private readonly highlights = new Map<VerdictKind, Highlight>(KINDS.map((k) => [k, new Highlight()]));
  private ordered: Annotation[] | null = null;
  private showUnverified = true;

  constructor(private readonly doc: Document) {
    this.near = new NearViewport(doc.defaultView!, (owner, isNear) => {
      for (const a of this.byOwner.get(owner) ?? []) {
        const highlight = this.highlights.get(a.verdict.verdict)!;
        if (isNear) highlight.add(a.range);
        else highlight.delete(a.range);
      }
    });
  }

  /** Registers the highlights with the page (again after `clear`). */
  show(showUnverified: boolean): void {
    this.showUnverified = showUnverified;
    for (const kind of KINDS) {
      if (kind === 'unverified' && !showUnverified) CSS.highlights.delete(`factmark-${kind}`);
      else CSS.highlights.set(`factmark-${kind}`, this.highlights.get(kind)!);
    }
  }

  /** Adds annotations, given in reading order; those near the viewport are painted at once. */
  add(annotations: Annotation[]): void {
    const newOwners: Element[] = [];
    for (const a of annotations) {
      this.all.add(a);
      const siblings = this.byOwner.get(a.owner);
      if (siblings) siblings.push(a);
      else {
        this.byOwner.set(a.owner, [a]);
        newOwners.push(a.owner);
      }
      for (const node of a.nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(a);
        else this.byNode.set(node, [a]);
      }
    }
    this.near.watchAll(newOwners);
    for (const a of annotations) if (this.near.has(a.owner)) this.highlights.get(a.verdict.verdict)!.add(a.range);
    if (annotations.length) this.ordered = null;
  }

  /** Drops every annotation that touches `node` (its text is about to be read again). */
  dropAt(node: Node): void {
    const list = this.byNode.get(node);
    if (list) for (const a of [...list]) this.remove(a);
  }

  /** Drops annotations whose text left the document. */
  dropDisconnected(): void {
    for (const a of this.all) if (a.nodes.some((n) => !n.isConnected)) this.remove(a);
  }

  /** Drops everything and unregisters the highlights. */
  clear(): void {
    this.all.clear();
    this.byNode.clear();
    this.byOwner.clear();
    this.near.clear();
    for (const h of this.highlights.values()) h.clear();
    for (const kind of KINDS) CSS.highlights.delete(`factmark-${kind}`);
    this.ordered = [];
  }

  has(a: Annotation): boolean {
    return this.all.has(a);
  }

  /** Annotations in document order, skipping hidden unverified ones when `visibleOnly`. */
  inOrder(visibleOnly = false): Annotation[] {
    this.ordered ??= [...this.all].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return visibleOnly && !this.showUnverified ? this.ordered.filter((a) => a.verdict.verdict !== 'unverified') : this.ordered;
  }

  find(index: number): Annotation | undefined {
    for (const a of this.all) if (a.index === index) return a;
    return undefined;
  }

  /** The visible annotation under the viewport point (x, y). */
  at(x: number, y: number): Annotation | null {
    const hit = annotationAt(this.doc, this.byNode, x, y);
    return hit && (hit.verdict.verdict !== 'unverified' || this.showUnverified) ? hit : null;
  }

  private remove(a: Annotation): void {
    if (!this.all.delete(a)) return;
    this.highlights.get(a.verdict.verdict)!.delete(a.range);
    const siblings = this.byOwner.get(a.owner)?.filter((x) => x !== a) ?? [];
    if (siblings.length) this.byOwner.set(a.owner, siblings);
    else {
      this.byOwner.delete(a.owner);
      this.near.unwatch(a.owner);
    }
    for (const node of a.nodes) {
      const rest = this.byNode.get(node)?.filter((x) => x !== a) ?? [];
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
    this.ordered = null;
  }
}
