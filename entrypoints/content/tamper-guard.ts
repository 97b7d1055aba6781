import type { InterferenceKind } from '../../data/schema/page-state-messages';
import type { VerdictKind } from '../../data/schema/verdict';

export const KINDS: readonly VerdictKind[] = ['verified', 'mismatch', 'unverified'];

/** The underline style each verdict is drawn with (highlights.css); the computed `::highlight()` style must still say so. */
const DECORATION_STYLE: Record<VerdictKind, string> = { verified: 'solid', mismatch: 'wavy', unverified: 'dotted' };

/** How often, while highlights are registered, the registry and the ranges are checked without being asked. */
const WATCH_INTERVAL_MS = 1000;
/** Asking for the styles again after a refusal (the background limits a tab's messages): how long to wait, how often. */
const STYLE_RETRY_MS = 1000;
const STYLE_TRIES = 5;

/**
 * Three highlight names the page cannot predict, drawn per document: 'h' and 96 random bits in hex,
 * so a page's `::highlight(factmark-mismatch)` rule, or any rule written before it looked, matches nothing.
 */
export function randomHighlightNames(crypto: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): Record<VerdictKind, string> {
  const name = () => 'h' + Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { verified: name(), mismatch: name(), unverified: name() };
}

/** How thorough a check is: `quick` is O(1) (registry, sizes, priority), `full` also walks the ranges and reads the computed style. */
export type CheckDepth = 'quick' | 'full';

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
  /** What the page did, once noticed (for the life of the document). */
  readonly noticed = new Set<InterferenceKind>();

  constructor(
    private readonly doc: Document,
    /** Asks the background to style the names in this frame; resolves true once it has. */
    private readonly requestStyles: (names: Record<VerdictKind, string>) => Promise<boolean>,
    /** Called when a check noticed something new. */
    private readonly onNotice: () => void,
  ) {
    this.names = randomHighlightNames();
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
  }

  /** A full check at the next frame (several paints in one frame are checked once). */
  checkSoon(): void {
    if (this.frame || !this.registered) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.check('full');
    });
  }

  /**
   * Checks the registry, the ranges and (when `full`) the computed style against what this guard
   * made, restores what it can, and says whether anything new was noticed.
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
      this.checkRanges(kind, ours, depth);
    }
    if (depth === 'full') this.checkStyle();
    const found = this.noticed.size > before;
    if (found) this.onNotice();
    return found;
  }

  /**
   * The highlight holds exactly the expected ranges: a page's ranges are removed, ours put back.
   * Membership is asked range by range (`has`), never by iterating the highlight: Firefox cannot
   * iterate a page object's setlike from a content script ("Xray wrapping of iterators").
   */
  private checkRanges(kind: VerdictKind, ours: Highlight, depth: CheckDepth): void {
    const expected = this.expected.get(kind)!;
    // A quick check trusts the size alone (a page that swaps one range for another keeps it).
    if (depth === 'quick' && ours.size === expected.size) return;
    let present = 0;
    for (const range of expected) if (ours.has(range)) present++;
    // All of ours there and nothing else: the same set.
    if (present === expected.size && ours.size === present) return;
    if (ours.size > present) this.noticed.add('foreign-ranges');
    if (present < expected.size) this.noticed.add('missing-ranges');
    ours.clear();
    for (const range of expected) ours.add(range);
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
      if (this.doc.visibilityState === 'visible') this.check('quick');
    }, WATCH_INTERVAL_MS);
  }

  /** Removes our name from the registry, only if it still holds our highlight (a page's own stays the page's). */
  private unregisterName(kind: VerdictKind): void {
    if (CSS.highlights.get(this.names[kind]) === this.highlights.get(kind)) CSS.highlights.delete(this.names[kind]);
  }

  /** Asks for the styles once (again when `again`), retrying a few times after a refusal. */
  private style(again: boolean): void {
    if (this.styling && !again) return;
    this.styling = this.requestStyles(this.names).then((ok) => {
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
