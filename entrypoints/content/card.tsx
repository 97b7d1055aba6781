import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FactCard } from '../../components/FactCard';
import { CARD_CSS, CORRECTION_CSS } from '../../components/card-styles';
import { CARD_OPEN_ROOT_KEY } from '../../data/schema/test-hooks';
import type { Annotation } from './annotation';
import { CARD_HOST_CSS, CARD_HOST_TAG, HOST_STYLE, cardInterference, supportsPopover, type CardInterference } from './card-host';

export { CARD_HOST_TAG } from './card-host';
const GAP = 6;
const MARGIN = 8;
/** How often, while one card is open, it moves back over a page's top-layer element shown after it. */
const MAX_RAISES = 3;

/**
 * Owns the one hover card: creates its host lazily, renders FactCard into a closed shadow root
 * (the reference stays here, so page script cannot read or rewrite the card), shows it in the
 * top layer (a manual popover, above any z-index) and places it next to the figure, inside the
 * viewport, never over the figure itself. After showing, it checks that the reader can see it and
 * tells the background when the page hid or covered it. Only the reader's own (trusted) events act.
 */
export class CardController {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  current: Annotation | null = null;
  private raises = 0;
  private checkTimer = 0;
  private reported = new Set<CardInterference>();
  /** Tests read the card through an open root (a storage key only the extension can set); readers never get one. */
  private openRoot = false;

  constructor(
    private readonly doc: Document,
    /** Tells the reader, where the page can't reach (badge and popup), that the page hid or covered the card. */
    private readonly report: (what: CardInterference) => void,
  ) {
    void browser.storage.local
      .get(CARD_OPEN_ROOT_KEY)
      .then((items) => (this.openRoot = items[CARD_OPEN_ROOT_KEY] === true))
      .catch(() => undefined);
    // A page's popover or modal shown after the card would sit over it in the top layer.
    doc.defaultView?.addEventListener('toggle', this.onToggle, true);
  }

  /** True for events inside the card (they are retargeted to its host). */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  /** True for the card's own host (the page may make elements with the same tag name). */
  isHost(node: Node): boolean {
    return node === this.host;
  }

  /** Shows the card for `annotation`; with `focus`, moves keyboard focus into it. */
  open(annotation: Annotation, focus: boolean): void {
    const mount = this.ensureMount();
    if (focus && !this.contains(this.doc.activeElement)) this.returnFocus = this.doc.activeElement;
    if (annotation !== this.current) this.raises = 0;
    this.current = annotation;
    this.show();
    this.render();
    if (focus) (mount.firstElementChild as HTMLElement | null)?.focus();
  }

  /** Hides the card; focus goes back to where it was when the keyboard opened it. */
  close(): void {
    if (!this.mount || !this.current) return;
    const hadFocus = this.contains(this.doc.activeElement);
    render(null, this.mount);
    this.current = null;
    clearTimeout(this.checkTimer);
    if (this.host && supportsPopover(this.host) && this.host.matches(':popover-open')) this.host.hidePopover();
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /** Re-places the card after scrolling or resizing. */
  place(): void {
    const card = this.card();
    if (!card || !this.current) return;
    const figure = this.current.range.getBoundingClientRect();
    const view = this.doc.defaultView!;
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    card.style.maxHeight = '';
    card.style.visibility = 'hidden';
    card.style.left = '0px';
    card.style.top = '0px';
    const { width, height } = card.getBoundingClientRect();
    const below = vh - figure.bottom - GAP - MARGIN;
    const above = figure.top - GAP - MARGIN;
    const room = Math.max(below, above);
    // Prefer below; go above when only there it fits; when neither fits, shrink on the larger side.
    const useBelow = height <= below || (height > above && below >= above);
    if (height > room) card.style.maxHeight = `${Math.max(room, 40)}px`;
    const shown = Math.min(height, Math.max(room, 40));
    const top = useBelow ? figure.bottom + GAP : figure.top - GAP - shown;
    const left = Math.min(Math.max(figure.left, MARGIN), Math.max(MARGIN, vw - width - MARGIN));
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(left)}px`;
    card.style.overflow = 'auto';
    card.style.visibility = 'visible';
    this.scheduleCheck();
  }

  /** Removes the card's host from the page. */
  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = this.mount = null;
  }

  private card(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  private render(): void {
    const annotation = this.current;
    if (!annotation || !this.mount) return;
    const id = `factmark-${annotation.index}`;
    render(<FactCard figureText={annotation.figure.text} verdict={annotation.verdict} id={id} onSuggest={(event) => this.suggest(annotation, event)} />, this.mount);
    this.place();
  }

  /**
   * "Suggest a correction": only a real click or key press of the reader's. The form opens in an
   * extension window the page can neither read nor script; the card only hands over the figure.
   */
  private suggest(annotation: Annotation, event: Event): void {
    if (!event.isTrusted) return;
    const fact = annotation.verdict.fact;
    const draft = {
      type: 'corrections:draft',
      figureText: annotation.figure.text.slice(0, 200),
      title: this.doc.title.slice(0, 500),
      fact: fact && { packId: fact.pack.id, factId: fact.id, label: fact.label, display: fact.display, unit: fact.quantity.unit, deal: fact.deal },
    };
    browser.runtime.sendMessage(draft).catch((error: Error) => console.warn(`Factmark: the correction window did not open (${error.message})`));
  }

  /** Puts the host in the top layer, above anything the page shows there already; fixes what the page changed on it. */
  private show(): void {
    const host = this.host!;
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    for (const name of ['hidden', 'inert']) if (host.hasAttribute(name)) host.removeAttribute(name);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (!supportsPopover(host) || !host.isConnected) return;
    try {
      if (host.matches(':popover-open')) host.hidePopover(); // shown again, it goes on top
      host.showPopover();
    } catch {
      // The page got in the way (e.g. it took the host out meanwhile): the check after showing says so.
    }
  }

  /** Checks after the card painted (a page reacting to it has had its chance too) whether the reader can see it. */
  private scheduleCheck(): void {
    clearTimeout(this.checkTimer);
    const view = this.doc.defaultView!;
    view.requestAnimationFrame(() => (this.checkTimer = view.setTimeout(() => this.check(), 50)));
  }

  private check(): void {
    if (!this.host || !this.current) return;
    const problem = cardInterference(this.doc, this.host, this.card());
    if (!problem) return;
    // Put it back once where that can help (a removed host, a popover closed or shown over it); say so either way.
    if (this.raises < MAX_RAISES) {
      this.raises++;
      if (!this.host.isConnected) this.doc.documentElement.append(this.host);
      this.show();
      this.scheduleCheck();
    }
    this.notice(problem);
  }

  /** Tells the reader once per kind (badge and popup). */
  private notice(problem: CardInterference): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.report(problem);
  }

  /** Any popover or card toggling while the card is open: the page may have closed ours or shown one over it. */
  private readonly onToggle = (event: Event): void => {
    if (!this.current) return;
    const opened = (event as Event & { newState?: string }).newState === 'open';
    // Shown after ours, it would sit over the card even if hit-testing passes through it: move ours back on top.
    if (opened && event.target !== this.host) {
      if (this.raises < MAX_RAISES) {
        this.raises++;
        this.show();
      } else this.notice('covered'); // the page keeps putting its own on top; hit-testing may pass through it
    }
    this.scheduleCheck();
  };

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    if (this.host && this.mount) {
      // The page removed the host: put the same one back (its shadow root is ours alone).
      this.doc.documentElement.append(this.host);
      return this.mount;
    }
    const host = this.doc.createElement(CARD_HOST_TAG);
    host.setAttribute('style', HOST_STYLE);
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: this.openRoot ? 'open' : 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_HOST_CSS + CARD_CSS + CORRECTION_CSS;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    // Outside <body>, so the page's own layout and body text are left as they were.
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }
}
