import type { InterferenceKind, PageStateReport } from '../../data/schema/page-state-messages';

/** Least time between two reports from one frame (the background also limits them per tab). */
const REPORT_INTERVAL_MS = 250;
/** Wait before trying again when the background refused or did not answer. */
const RETRY_MS = 1000;

type State = Omit<PageStateReport, 'type'>;
/** The state a badge shows with no report at all. */
const NOTHING = '{"enabled":true,"mismatches":0,"interference":[]}';

/**
 * Tells the background what this frame shows, so the toolbar badge (which the page cannot reach)
 * carries the count of figures that differ, a mark when the page interferes, and "off". Sends only
 * changes, at most one report per REPORT_INTERVAL_MS, always the latest state; a frame that never
 * had anything to say (on, no differing figure, no interference) sends nothing at all.
 */
export class PageStateReporter {
  private state: State = { enabled: true, mismatches: 0, interference: [] };
  private sent = NOTHING;
  private lastSend = -Infinity;
  private timer = 0;

  constructor(
    private readonly win: Window,
    private readonly send: (report: PageStateReport) => Promise<boolean>,
  ) {
    // A page restored from the back-forward cache had its badge cleared by the navigation away.
    win.addEventListener('pageshow', (event) => {
      if (event.persisted) {
        this.sent = '';
        this.schedule();
      }
    });
  }

  /**
   * Sends the state again at the next report even if unchanged: a navigation (a new article in the
   * same document) may have cleared the badge. Nothing is sent if nothing was ever said.
   */
  resend(): void {
    if (this.sent !== NOTHING) this.sent = '';
  }

  /** Updates part of the state; a report follows if it changed. */
  update(change: { enabled?: boolean; mismatches?: number; interference?: Iterable<InterferenceKind> }): void {
    const next: State = {
      enabled: change.enabled ?? this.state.enabled,
      mismatches: change.mismatches ?? this.state.mismatches,
      interference: change.interference ? [...change.interference].sort() : this.state.interference,
    };
    this.state = next;
    if (JSON.stringify(next) !== this.sent) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSend + REPORT_INTERVAL_MS - performance.now());
    this.timer = this.win.setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    this.lastSend = performance.now();
    const body = JSON.stringify(this.state);
    let ok = false;
    if (body !== this.sent) {
      ok = await this.send({ type: 'page:state', ...this.state }).catch(() => false);
      if (ok) this.sent = body;
    }
    this.timer = 0;
    if (!ok && body !== this.sent) this.timer = this.win.setTimeout(() => void this.flush(), RETRY_MS);
    else if (JSON.stringify(this.state) !== this.sent) this.schedule();
  }
}
