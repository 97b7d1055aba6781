import { browser } from 'wxt/browser';
import type { ContentMessage, PageFigures } from '../../data/schema/page-messages';
import type { Result } from '../../data/schema/result';
import { readSettings, type Settings } from '../../data/schema/settings';
import type { PackedVerdicts } from '../../data/match/pack-verdicts';
import { pagePublicationDay } from '../../data/text/page-date';
import type { Annotation } from './annotation';
import { AnnotationSet } from './annotation-set';
import { scanRoots, type AskVerdicts, type Timings } from './annotate';
import { CardController } from './card';
import { outermost, summarize } from './changes';
import { insideSkipped } from './blocks';
import { measuring, recordMeasure } from './measures';
import { PassPacer } from './pacing';
import { ReaderNavigation } from '../../data/input/reader-navigation';

const CLOSE_DELAY_MS = 250;
/** Least time between two passes that re-read text the page revealed (a page may toggle its classes often). */
const REVEAL_INTERVAL_MS = 300;
/** What on <html> and <body> may hide or reveal the page (anti-flicker snippets use each). */
const REVEAL_ATTRIBUTES = ['class', 'style', 'hidden'];

/**
 * Wires one document's events to annotation passes, highlights and the card. The first pass reads
 * the whole page; after that only what changed is read again (MutationObserver), and single-page
 * navigations read the new article. Background tabs wait until they are shown.
 */
export class PageAnnotator {
  private readonly annotations: AnnotationSet;
  private readonly card: CardController;
  private readonly observer: MutationObserver;
  /** Watches <html> and <body> alone for a class, style or hidden change that may reveal the page. */
  private readonly revealObserver: MutationObserver;
  /** Paragraphs with figures that were not rendered when read: read again once the page may have revealed them. */
  private readonly unseen = new Set<Element>();
  private lastReveal = -Infinity;
  private revealTimer = 0;
  private settings: Settings = { disabledSites: [], showUnverified: true };
  private active = false;
  /** Work waiting for the next pass: subtrees to read, or the whole page. */
  private pending: ReturnType<typeof emptyWork> = emptyWork(true);
  private running: Promise<void> | null = null;
  private readonly pacer = new PassPacer(performance.now());
  private lastUrl: string;
  private nextIndex = 0;
  private closeTimer = 0;
  private pointerFrame = 0;
  /** The reader's last navigation key: a focus change opens a card only shortly after one. */
  private readonly navigation = new ReaderNavigation();

  constructor(
    private readonly doc: Document,
    private readonly ask: AskVerdicts = askBackground,
  ) {
    this.annotations = new AnnotationSet(doc);
    this.card = new CardController(doc, (what) => this.annotations.noticeCard(what));
    this.lastUrl = doc.location.href;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.revealObserver = new MutationObserver(() => this.onReveal());
  }

  async start(): Promise<void> {
    void measuring(); // read the flag once, before the first pass ends
    this.settings = await readSettings(browser.storage.local);
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'local') void this.reloadSettings();
    });
    this.annotations.report(this.enabled);
    if (this.enabled) this.activate();
  }

  get host(): string {
    return this.doc.location.hostname;
  }

  get enabled(): boolean {
    return !this.settings.disabledSites.includes(this.host);
  }

  /** Answers the popup. */
  async answer(message: ContentMessage): Promise<Result<PageFigures | null>> {
    if (message.type === 'page:reveal') {
      const annotation = this.annotations.find(message.index);
      if (!annotation) return { ok: false, error: `That figure is no longer on the page.` };
      this.reveal(annotation);
      return { ok: true, value: null };
    }
    if (message.type === 'page:refresh' && this.active) await this.request({ full: true });
    // The popup may have just changed the settings; answer as they are now, not as last notified.
    await this.reloadSettings();
    if (this.running) await this.running;
    return {
      ok: true,
      value: {
        host: this.host,
        enabled: this.enabled,
        // Checked (and restored) before the list is made: the popup is where interference is said.
        interference: this.annotations.interference(),
        figures: this.annotations.inOrder().map((a) => ({
          index: a.index,
          text: a.figure.text,
          verdict: a.verdict.verdict,
          display: a.verdict.fact?.display,
          label: a.verdict.fact?.label,
          pack: a.verdict.fact?.pack,
        })),
      },
    };
  }

  private async reloadSettings(): Promise<void> {
    const wasEnabled = this.enabled;
    this.settings = await readSettings(browser.storage.local);
    this.annotations.report(this.enabled);
    if (this.enabled && !wasEnabled) this.activate();
    else if (!this.enabled && wasEnabled) this.deactivate();
    else if (this.active) this.annotations.show(this.settings.showUnverified);
  }

  private activate(): void {
    if (this.active) return;
    this.active = true;
    const on = this.doc.addEventListener.bind(this.doc);
    on('pointermove', this.onPointerMove, { passive: true });
    on('mouseout', this.onMouseOut, { passive: true });
    on('keydown', this.onKeyDown, true);
    on('focusin', this.onFocusIn);
    on('visibilitychange', this.onVisibilityChange);
    const win = this.doc.defaultView!;
    win.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
    win.addEventListener('resize', this.onViewportChange, { passive: true });
    win.addEventListener('popstate', this.onNavigation);
    navigationApi(win)?.addEventListener('navigatesuccess', this.onNavigation);
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.revealObserver.observe(this.doc.documentElement, { attributes: true, attributeFilter: REVEAL_ATTRIBUTES });
    if (this.doc.body) this.revealObserver.observe(this.doc.body, { attributes: true, attributeFilter: REVEAL_ATTRIBUTES });
    this.annotations.show(this.settings.showUnverified);
    void this.request({ full: true });
  }

  private deactivate(): void {
    if (!this.active) return;
    this.active = false;
    const off = this.doc.removeEventListener.bind(this.doc);
    off('pointermove', this.onPointerMove);
    off('mouseout', this.onMouseOut);
    off('keydown', this.onKeyDown, true);
    off('focusin', this.onFocusIn);
    off('visibilitychange', this.onVisibilityChange);
    const win = this.doc.defaultView!;
    win.removeEventListener('scroll', this.onViewportChange, { capture: true });
    win.removeEventListener('resize', this.onViewportChange);
    win.removeEventListener('popstate', this.onNavigation);
    navigationApi(win)?.removeEventListener('navigatesuccess', this.onNavigation);
    this.observer.disconnect();
    this.revealObserver.disconnect();
    clearTimeout(this.revealTimer);
    this.revealTimer = 0;
    this.unseen.clear();
    this.pending = emptyWork(false);
    this.card.destroy();
    this.annotations.clear();
  }

  /** Queues work and makes sure one pass runs for it (passes never overlap). */
  private request(work: { full?: boolean; roots?: Node[]; changedText?: Node[]; removed?: boolean; reveal?: boolean }): Promise<void> {
    const p = this.pending;
    p.full ||= !!work.full;
    p.removed ||= !!work.removed;
    p.reveal ||= !!work.reveal;
    for (const root of work.roots ?? []) p.roots.add(root);
    p.changedText.push(...(work.changedText ?? []));
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.active && hasWork(this.pending)) {
      if (this.doc.visibilityState === 'hidden') return; // resumed by visibilitychange
      // A page that changes without end is read a bounded number of times a second; what changes meanwhile joins the next pass.
      const wait = this.pacer.take(performance.now());
      if (wait > 0) {
        await new Promise((resume) => setTimeout(resume, wait));
        continue;
      }
      const work = this.pending;
      this.pending = emptyWork(false);
      await this.pass(work);
    }
  }

  /** One pass: drop what changed, read it again, look it up in batches and paint each as it comes; measured for benchmarks. */
  private async pass(work: ReturnType<typeof emptyWork>): Promise<void> {
    const start = performance.now();
    if (work.full) {
      this.annotations.clear();
      this.annotations.show(this.settings.showUnverified);
      this.unseen.clear();
    } else if (work.reveal) {
      // What was hidden when read is read again: the page may show it now (if not, it is noted again).
      for (const el of this.unseen) work.roots.add(el);
      this.unseen.clear();
    }
    if (work.removed) this.annotations.dropDisconnected();
    for (const node of work.changedText) this.annotations.dropAt(node);
    // A partial pass starts below its roots, so each root is asked first whether it lies in what is never read (an editor, code, a form field).
    const isOwnUi = (el: Element) => this.isOwnUi(el);
    const roots = work.full ? [this.doc.body] : outermost(new Set([...work.roots].filter((r) => r.isConnected && !insideSkipped(r, isOwnUi))));
    // A reveal that found nothing hidden to read again is no pass.
    if (!work.full && !roots.length && !work.removed && !work.changedText.length) return;
    const timings: Timings = { read: 0, recognize: 0, lookup: 0, batches: 0, firstAnswer: -1 };
    const result = await scanRoots(
      {
        roots,
        page: this.page(work.full),
        locale: pageLocale(this.doc),
        isOwnUi,
        onHidden: (block) => {
          const el = block.owner ?? block.nodes[0]!.parentElement;
          if (el) this.unseen.add(el);
        },
        onBlock: (block) => block.nodes.forEach((n) => this.annotations.dropAt(n)),
        nextIndex: () => this.nextIndex++,
        onAnswer: (annotations) => {
          if (this.active) this.annotations.add(annotations);
        },
        timings,
      },
      this.ask,
    );
    if (!this.active) return;
    if (!result.ok) {
      console.warn(`Factmark: ${result.error}`);
      return;
    }
    if (this.card.current && !this.annotations.has(this.card.current)) this.card.close();
    recordMeasure('factmark:annotate', start, performance.now(), { figures: result.value, full: work.full, ...timings });
  }

  private pageFacts?: { url: string; title: string; published?: string };

  /** The page's address, title and declared publication day: read again on each full pass (a new article), kept for partial ones. */
  private page(full: boolean): { url: string; title: string; published?: string } {
    const url = this.doc.location.href.split('#')[0]!;
    if (full || !this.pageFacts || this.pageFacts.url !== url || this.pageFacts.title !== this.doc.title) {
      this.pageFacts = { url, title: this.doc.title, published: pagePublicationDay(this.doc, url) };
    }
    return this.pageFacts;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.doc.location.href !== this.lastUrl) return this.onNavigation();
    const changes = summarize(records, (node) => this.isInOwnUi(node));
    if (changes.roots.length || changes.changedText.length || changes.removed) void this.request(changes);
    if (changes.restyled) this.onReveal();
  }

  /**
   * The page may have shown what it hid (an anti-flicker snippet removed its `<style>` or changed a
   * class on <html> or <body>): the paragraphs with figures that were hidden when read are read
   * again, at most once per REVEAL_INTERVAL_MS.
   */
  private onReveal(): void {
    if (this.revealTimer || !this.active) return;
    const wait = this.lastReveal + REVEAL_INTERVAL_MS - performance.now();
    const run = () => {
      this.revealTimer = 0;
      this.lastReveal = performance.now();
      if (this.active && (this.unseen.size || this.running)) void this.request({ reveal: true });
    };
    if (wait <= 0) run();
    else this.revealTimer = window.setTimeout(run, wait);
  }

  private readonly onNavigation = (): void => {
    if (this.doc.location.href === this.lastUrl) return;
    this.lastUrl = this.doc.location.href;
    this.card.close();
    void this.request({ full: true });
  };

  private readonly onVisibilityChange = (): void => {
    if (this.doc.visibilityState === 'visible' && hasWork(this.pending)) void this.request({});
  };

  private isOwnUi(node: Node): boolean {
    // The card's own host only: a page's elements named like it are read like any other.
    return node instanceof Element && this.card.isHost(node);
  }

  private isInOwnUi(node: Node): boolean {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (this.isOwnUi(n)) return true;
    return false;
  }

  // Only the reader's own input acts: a page can dispatch pointer, focus and key events of its own
  // (isTrusted false) to open cards or step through figures in the reader's name.
  private readonly onPointerMove = (event: PointerEvent): void => {
    if (!event.isTrusted) return;
    if (this.card.contains(event.target)) return this.cancelClose();
    const { clientX, clientY } = event;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = requestAnimationFrame(() => {
      const hit = this.annotations.at(clientX, clientY);
      if (hit) {
        this.cancelClose();
        if (this.card.current !== hit) this.card.open(hit, false);
      } else if (this.card.current) this.scheduleClose();
    });
  };

  private readonly onMouseOut = (event: MouseEvent): void => {
    if (!event.isTrusted) return;
    if (!event.relatedTarget && this.card.current) this.scheduleClose();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!event.isTrusted) return;
    // Noted in the capture phase, before the page's own handlers can answer the key by moving focus.
    this.navigation.noteKey(event, performance.now());
    if (event.key === 'Escape' && this.card.current) {
      this.card.close();
      event.stopPropagation();
      return;
    }
    // Alt+Shift+N / Alt+Shift+P step to the next / previous figure.
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    const step = event.code === 'KeyN' ? 1 : event.code === 'KeyP' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const list = this.annotations.inOrder(true);
    if (list.length === 0) return;
    const at = this.card.current ? list.indexOf(this.card.current) : -1;
    const next = at === -1 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    this.reveal(list[next]!);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    // A page's own element.focus() fires a trusted focusin too: focus opens a card only when it
    // follows the reader's own navigation key (Tab, an arrow, Alt+Shift+N/P).
    if (!event.isTrusted || !this.navigation.follows(performance.now())) return;
    const target = event.target;
    if (this.card.contains(target) || !(target instanceof Element)) return;
    const inside = this.annotations.inOrder(true).find((a) => target.contains(a.range.startContainer));
    if (inside) this.card.open(inside, false);
    else if (this.card.current) this.card.close();
  };

  private readonly onViewportChange = (): void => {
    if (this.card.current) requestAnimationFrame(() => this.card.place());
  };

  /** Scrolls a figure into view and opens its card with focus in it. */
  private reveal(annotation: Annotation): void {
    annotation.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.card.open(annotation, true);
  }

  private scheduleClose(): void {
    if (this.closeTimer) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = 0;
      this.card.close();
    }, CLOSE_DELAY_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }
}

function emptyWork(full: boolean) {
  return { full, roots: new Set<Node>(), changedText: [] as Node[], removed: false, reveal: false };
}

function hasWork(work: ReturnType<typeof emptyWork>): boolean {
  return work.full || work.roots.size > 0 || work.changedText.length > 0 || work.removed || work.reveal;
}

/** The page's language: `<html lang>`, else the `Content-Language` meta's first tag; read once per pass. */
function pageLocale(doc: Document): string | undefined {
  // The page sets these: a language tag is a few dozen characters at most.
  const lang = doc.documentElement.lang.slice(0, 35).trim();
  if (lang) return lang;
  const meta = doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.slice(0, 35);
  return meta?.split(',')[0]?.trim() || undefined;
}

/** The Navigation API where the browser has it (it reports same-document navigations, pushState included). */
function navigationApi(win: Window): EventTarget | undefined {
  return (win as unknown as { navigation?: EventTarget }).navigation;
}

/** Asks the background for a batch's verdicts; they stay packed until placed, where they are unpacked a step at a time. */
async function askBackground(request: Parameters<AskVerdicts>[0]): Promise<Result<PackedVerdicts>> {
  try {
    return (await browser.runtime.sendMessage(request)) as Result<PackedVerdicts>;
  } catch (error) {
    return { ok: false, error: `The extension did not answer: ${(error as Error).message}` };
  }
}
