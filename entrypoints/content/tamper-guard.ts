import type { InterferenceKind } from '../../data/schema/page-state-messages';
import type { VerdictKind } from '../../data/schema/verdict';
import { timed } from './slices';

export const KINDS: readonly VerdictKind[] = ['verified', 'mismatch', 'unverified'];

/** The underline style each verdict is drawn with (highlights.css); the computed `::highlight()` style must still say so. */
const DECORATION_STYLE: Record<VerdictKind, string> = { verified: 'solid', mismatch: 'wavy', unverified: 'dotted' };

/** How often, while highlights are registered, the registry and the ranges are checked without being asked. */
const WATCH_INTERVAL_MS = 1000;
/** Asking for the styles again after a refusal (the background limits a tab's messages): how long to wait, how often. */
const STYLE_RETRY_MS = 1000;
const STYLE_TRIES = 5;
/** Time a full check's walk over the ranges may take in one frame. */
const SCAN_MS = 3;
/** Ranges walked between two looks at the clock. */
const SCAN_CLOCK_EVERY = 256;

/**
 * Three highlight names the page cannot predict, drawn per document: 'h' and 96 random bits in hex,
 * so a page's `::highlight(factmark-mismatch)` rule, or any rule written before it looked, matches nothing.
 */
export function randomHighlightNames(crypto: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): Record<VerdictKind, string> {
  const name = () => 'h' + Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { verified: name(), mismatch: name(), unverified: name() };
}

/**
 * How thorough a check is: `quick` is O(1) (registry, sizes, priority); `full` also walks the ranges
 * and then reads the computed style, a slice a frame; `all` walks them at once.
 */
export type CheckDepth = 'quick' | 'full' | 'all';

/** Where a full check's walk over the ranges stopped: the kind, and the rest of its ranges. */
interface Scan {
  kind: number;
  ranges: Iterator<Range>;
}

/**
 * Owns the content script's three `Highlight`s and keeps them as it made them. The page shares the
 * highlight registry and the Highlight objects (it can iterate `CSS.highlights`), so it can
 * unregister them, register its own under our names, add its ranges to ours or delete ours, or
 * change their priority. Each check compares the registry and every highlight with what this
 * guard put there (a mirror set of ranges per verdict), puts back what it can, and records what it
 * found, for the badge and the popup. The styles come from the background as a user-origin sheet
 * with `!important` (the page's rules cannot beat it); the computed style is checked anyway.
 */
export class HighlightGuard {
  readonly names: Record<VerdictKind, string>;
  private readonly highlights = new Map<VerdictKind, Highlight>(KINDS.map((k) => [k, new Highlight()]));
  /** The ranges each highlight should hold: exactly these. */
  private readonly expected = new Map<VerdictKind, Set<Range>>(KINDS.map((k) => [k, new Set()]));
  /** Kinds meant to be registered (unverified may be hidden by the reader's setting). */
  private shown = new Set<VerdictKind>(KINDS);
  /** Nothing is registered until the page has a figure: a page without figures shows no trace. */
  private used = false;
  private registered = false;
  private styling: Promise<void> | null = null;
  private styleTries = 0;
  /** The style was once seen as ours: only then does a different computed style mean the page interfered. */
  private styleSeen = false;
  private timer = 0;
  private frame = 0;
  private scan: Scan | null = null;
  private scanFrame = 0;
  /** What the page did, once noticed (for the life of the document). */
  readonly noticed = new Set<InterferenceKind>();

  constructor(
    private readonly doc: Document,
    /** Asks the background to style the names in this frame; resolves true once it has. */
    private readonly requestStyles: (names: Record<VerdictKind, string>) => Promise<boolean>,
    /** Called when a check noticed something new. */
    private readonly onNotice: () => void,
    /** Names drawn at document_start whose sheet was already asked for (early-styles.ts); else drawn now. */
    early?: { names: Record<VerdictKind, string>; styled: Promise<boolean> },
  ) {
    this.names = early?.names ?? randomHighlightNames();
    if (early) this.awaitStyles(early.styled);
  }

  add(kind: VerdictKind, range: Range): void {
    this.expected.get(kind)!.add(range);
    this.highlights.get(kind)!.add(range);
    if (!this.used) {
      this.used = true;
      this.register();
    }
  }

  delete(kind: VerdictKind, range: Range): void {
    this.expected.get(kind)!.delete(range);
    this.highlights.get(kind)!.delete(range);
  }

  /** Which kinds are registered (again after `unregister`). */
  show(kinds: Iterable<VerdictKind>): void {
    this.shown = new Set(kinds);
    if (this.used) this.register();
  }

  /** Empties the highlights and takes them out of the registry. */
  clear(): void {
    for (const kind of KINDS) {
      this.highlights.get(kind)!.clear();
      this.expected.get(kind)!.clear();
      if (this.registered) this.unregisterName(kind);
    }
    this.registered = false;
    this.used = false;
    clearInterval(this.timer);
    this.timer = 0;
    cancelAnimationFrame(this.scanFrame);
    this.scanFrame = 0;
    this.scan = null;
  }

  /** A full check from the next frame on (several paints in one frame start it once). */
  checkSoon(): void {
    if (this.frame || !this.registered) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.check('full');
    });
  }

  /**
   * Checks the registry, the priorities and the sizes now, restoring what it can; `full` also
   * starts (or continues) a walk over every range and then the computed style, in slices of at
   * most SCAN_MS a frame (one walk over 200,000 ranges in one frame was a 72 ms task), and `all`
   * does that walk now (the popup asks before it lists). Says whether anything new was noticed now.
   */
  check(depth: CheckDepth): boolean {
    if (!this.registered) return false;
    const before = this.noticed.size;
    for (const kind of KINDS) {
      const name = this.names[kind];
      const ours = this.highlights.get(kind)!;
      if (this.shown.has(kind)) {
        const now = CSS.highlights.get(name);
        if (now !== ours) {
          this.noticed.add(now ? 'replaced' : 'unregistered');
          CSS.highlights.set(name, ours);
        }
      }
      if (ours.priority !== 0 || (ours.type !== undefined && ours.type !== 'highlight')) {
        this.noticed.add('reprioritized');
        ours.priority = 0;
        if (ours.type !== undefined) ours.type = 'highlight';
      }
      this.checkSize(kind, ours);
    }
    if (depth === 'all') {
      this.scan ??= this.startScan();
      this.scanStep(Infinity);
    } else if (depth === 'full' && !this.scan) {
      this.scan = this.startScan();
      this.scanFrame ||= requestAnimationFrame(this.onScanFrame);
    }
    return this.found(before);
  }

  /**
   * Checks that these ranges (the hovered paragraph's) are still in their highlights, after a
   * quick check; a range of ours that the page deleted is put back.
   */
  checkSome(ranges: Iterable<readonly [VerdictKind, Range]>): boolean {
    if (!this.registered) return false;
    const before = this.noticed.size;
    this.check('quick');
    for (const [kind, range] of ranges) {
      if (this.expected.get(kind)!.has(range) && !this.highlights.get(kind)!.has(range)) this.restore(kind, true);
    }
    return this.found(before);
  }

  private found(before: number): boolean {
    const found = this.noticed.size > before;
    if (found) this.onNotice();
    return found;
  }

  /** More ranges in a highlight than ours: the page added some (removed now, ours put back); fewer: it deleted some of ours. */
  private checkSize(kind: VerdictKind, ours: Highlight): void {
    const expected = this.expected.get(kind)!.size;
    if (ours.size > expected) this.restore(kind, false);
    else if (ours.size < expected) this.restore(kind, true);
  }

  /**
   * Puts back exactly the expected ranges. Membership is asked range by range (`has`), never by
   * iterating the highlight: Firefox cannot iterate a page object's setlike from a content script
   * ("Xray wrapping of iterators"), so a highlight is emptied and refilled.
   */
  private restore(kind: VerdictKind, missing: boolean): void {
    const ours = this.highlights.get(kind)!;
    const expected = this.expected.get(kind)!;
    if (missing) this.noticed.add('missing-ranges');
    // As many or more than ours while one of ours is missing: the page swapped in its own.
    if (!missing || ours.size >= expected.size) this.noticed.add('foreign-ranges');
    ours.clear();
    for (const range of expected) ours.add(range);
  }

  private startScan(): Scan {
    return { kind: 0, ranges: this.expected.get(KINDS[0]!)!.values() };
  }

  private readonly onScanFrame = (): void => timed('guard', this.scanFrameWork);

  private readonly scanFrameWork = (): void => {
    this.scanFrame = 0;
    if (!this.registered || !this.scan) return;
    const before = this.noticed.size;
    this.scanStep(performance.now() + SCAN_MS);
    this.found(before);
    if (this.scan) this.scanFrame = requestAnimationFrame(this.onScanFrame);
  };

  /**
   * Walks the ranges from where the last step stopped until `until`. Sets are iterated live, so
   * ranges added meanwhile are checked too and deleted ones skipped; sizes are checked every
   * time anyway, so a page that adds a range is caught at once, one that swaps one of ours for
   * its own when the walk reaches ours. Ends with the computed style.
   */
  private scanStep(until: number): void {
    const scan = this.scan!;
    for (let n = 1; scan.kind < KINDS.length; n++) {
      if (n % SCAN_CLOCK_EVERY === 0 && performance.now() > until) return;
      const kind = KINDS[scan.kind]!;
      const next = scan.ranges.next();
      if (next.done) {
        if (++scan.kind < KINDS.length) scan.ranges = this.expected.get(KINDS[scan.kind]!)!.values();
        continue;
      }
      if (!this.highlights.get(kind)!.has(next.value)) this.restore(kind, true);
    }
    this.scan = null;
    this.checkStyle();
  }

  /** The computed `::highlight()` style still draws each shown verdict's underline (only once it was seen to). */
  private checkStyle(): void {
    const el = this.doc.body ?? this.doc.documentElement;
    let ok = true;
    for (const kind of this.shown) {
      const style = getComputedStyle(el, `::highlight(${this.names[kind]})`);
      if (!style.textDecorationLine.includes('underline') || style.textDecorationStyle !== DECORATION_STYLE[kind]) ok = false;
    }
    if (ok) this.styleSeen = true;
    else if (this.styleSeen) {
      this.noticed.add('restyled');
      this.styleSeen = false;
      this.style(true);
    }
  }

  private register(): void {
    for (const kind of KINDS) {
      if (this.shown.has(kind)) CSS.highlights.set(this.names[kind], this.highlights.get(kind)!);
      else this.unregisterName(kind);
    }
    this.registered = true;
    this.style(false);
    this.timer ||= window.setInterval(() => {
      // A full check is a few milliseconds a frame, so the watch also catches a swapped range.
      if (this.doc.visibilityState === 'visible') this.check('full');
    }, WATCH_INTERVAL_MS);
  }

  /** Removes our name from the registry, only if it still holds our highlight (a page's own stays the page's). */
  private unregisterName(kind: VerdictKind): void {
    if (CSS.highlights.get(this.names[kind]) === this.highlights.get(kind)) CSS.highlights.delete(this.names[kind]);
  }

  /** Asks for the styles once (again when `again`), retrying a few times after a refusal. */
  private style(again: boolean): void {
    if (this.styling && !again) return;
    this.awaitStyles(this.requestStyles(this.names));
  }

  /** Waits for a styling request's answer; after a refusal, asks again a few times (once registered). */
  private awaitStyles(request: Promise<boolean>): void {
    this.styling = request.then((ok) => {
      if (ok) {
        this.styleTries = 0;
        this.checkSoon();
        return;
      }
      this.styling = null;
      if (++this.styleTries < STYLE_TRIES) setTimeout(() => this.registered && this.style(false), STYLE_RETRY_MS);
    });
  }
}
