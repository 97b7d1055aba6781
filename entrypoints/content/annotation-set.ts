import { browser } from 'wxt/browser';
import type { InterferenceKind, PageStateReport } from '../../data/schema/page-state-messages';
import type { Result } from '../../data/schema/result';
import type { Annotation } from './annotation';
import { annotationAt, type NodeIndex } from './hit-test';
import { NearViewport } from './near-viewport';
import { HighlightGuard, KINDS } from './tamper-guard';
import { PageStateReporter } from './tamper-report';
import { timed } from './slices';
import { requestStyles, takeEarlyStyles } from './early-styles';

/**
 * Ranges registered in the highlights per frame at most: Chromium restyles what each new range
 * covers in the next rendering update (65-155 ms when a page's thousands arrived at once), so
 * they go in a few hundred a frame, in reading order.
 */
const PAINT_PER_FRAME = 300;
/** Our own work registering ranges may take this long in one frame (checked every PAINT_CLOCK_EVERY ranges). */
const PAINT_MS = 4;
const PAINT_CLOCK_EVERY = 32;

/**
 * The page's live annotations and their CSS highlights, one per verdict under names drawn for
 * this document (HighlightGuard, which also checks that the page left them alone). Added and
 * removed incrementally, so a change to one paragraph costs work in proportion to that paragraph,
 * not to the page; only paragraphs near the viewport have their ranges registered (see
 * NearViewport). What the toolbar badge shows (the count that differ, interference, "off") is
 * reported from here.
 */
export class AnnotationSet {
  private readonly byNode: NodeIndex = new Map();
  private readonly all = new Set<Annotation>();
  private readonly byOwner = new Map<Element, Annotation[]>();
  private readonly near: NearViewport;
  private readonly guard: HighlightGuard;
  private readonly reporter: PageStateReporter;
  private ordered: Annotation[] | null = null;
  /** Annotations near the viewport waiting to be registered (in the order they came), a bounded number a frame. */
  private readonly toPaint = new Set<Annotation>();
  private paintFrame = 0;
  private showUnverified = true;
  private mismatches = 0;

  constructor(private readonly doc: Document) {
    this.reporter = new PageStateReporter(doc.defaultView!, (report) => send(report));
    this.guard = new HighlightGuard(
      doc,
      requestStyles,
      () => this.reporter.update({ interference: this.guard.noticed }),
      takeEarlyStyles(),
    );
    this.near = new NearViewport(doc.defaultView!, (owner, isNear) => {
      for (const a of this.byOwner.get(owner) ?? []) {
        if (isNear) this.toPaint.add(a);
        else {
          this.toPaint.delete(a);
          this.guard.delete(a.verdict.verdict, a.range);
        }
      }
      if (isNear) this.paintSoon();
      else this.guard.checkSoon();
    });
  }

  /** Registers the highlights with the page (again after `clear`). */
  show(showUnverified: boolean): void {
    this.showUnverified = showUnverified;
    this.guard.show(KINDS.filter((k) => k !== 'unverified' || showUnverified));
  }

  /** The page hid or covered the card (the card noticed): said in the badge and the popup like any interference. */
  noticeCard(what: 'hidden' | 'covered'): void {
    this.guard.noticed.add(`card-${what}`);
    this.reporter.update({ interference: this.guard.noticed });
  }

  /** Says whether Factmark is on for this site, for the toolbar badge ("off"). */
  report(enabled: boolean): void {
    this.reporter.update({ enabled });
  }

  /**
   * Checks now that the page left the highlights alone (restoring what it changed) and answers
   * what it has done so far: the popup asks this before it lists the figures.
   */
  interference(): InterferenceKind[] {
    this.guard.check('all');
    return [...this.guard.noticed];
  }

  /** Adds annotations, given in reading order; those near the viewport are painted from the next frame on. */
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
    for (const a of annotations) {
      if (a.verdict.verdict === 'mismatch') this.mismatches++;
      if (this.near.has(a.owner)) this.toPaint.add(a);
    }
    if (annotations.length) {
      this.ordered = null;
      this.reporter.update({ mismatches: this.mismatches });
      this.paintSoon();
    }
  }

  /**
   * Registers the waiting annotations from the next frame on, at most PAINT_PER_FRAME and PAINT_MS
   * of our work a frame, each frame's then checked.
   */
  private paintSoon(): void {
    if (this.paintFrame || !this.toPaint.size) return;
    this.paintFrame = requestAnimationFrame(() =>
      timed('paint', () => {
        this.paintFrame = 0;
        const until = performance.now() + PAINT_MS;
        let n = 0;
        for (const a of this.toPaint) {
          if (n === PAINT_PER_FRAME || (n % PAINT_CLOCK_EVERY === 0 && n && performance.now() > until)) break;
          n++;
          this.toPaint.delete(a);
          this.guard.add(a.verdict.verdict, a.range);
        }
        this.guard.checkSoon();
        this.paintSoon();
      }),
    );
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
    this.toPaint.clear();
    cancelAnimationFrame(this.paintFrame);
    this.paintFrame = 0;
    this.guard.clear();
    this.ordered = [];
    this.mismatches = 0;
    this.reporter.resend();
    this.reporter.update({ mismatches: 0 });
  }

  has(a: Annotation): boolean {
    return this.all.has(a);
  }

  /** Annotations in document order, skipping hidden unverified ones when `visibleOnly` (the highlights are checked first: focus and keyboard steps come here). */
  inOrder(visibleOnly = false): Annotation[] {
    this.guard.check('full');
    this.ordered ??= [...this.all].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return visibleOnly && !this.showUnverified ? this.ordered.filter((a) => a.verdict.verdict !== 'unverified') : this.ordered;
  }

  find(index: number): Annotation | undefined {
    for (const a of this.all) if (a.index === index) return a;
    return undefined;
  }

  /** The visible annotation under the viewport point (x, y); every pointer frame checks the highlights quickly, a hit its paragraph's ranges too. */
  at(x: number, y: number): Annotation | null {
    const hit = annotationAt(this.doc, this.byNode, x, y);
    if (hit) this.guard.checkSome((this.byOwner.get(hit.owner) ?? [hit]).map((a) => [a.verdict.verdict, a.range] as const));
    else this.guard.check('quick');
    return hit && (hit.verdict.verdict !== 'unverified' || this.showUnverified) ? hit : null;
  }

  private remove(a: Annotation): void {
    if (!this.all.delete(a)) return;
    this.toPaint.delete(a);
    this.guard.delete(a.verdict.verdict, a.range);
    if (a.verdict.verdict === 'mismatch') this.reporter.update({ mismatches: --this.mismatches });
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

/** Sends a page-state message to the background; true when it was done. */
async function send(message: PageStateReport): Promise<boolean> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as Result<unknown> | undefined;
    return answer?.ok === true;
  } catch {
    return false; // the extension was reloaded or is waking: the caller tries again later
  }
}
