import { render } from 'preact';
import { FactCard } from '../../components/FactCard';
import { CARD_CSS } from '../../components/card-styles';
import type { Annotation } from './annotation';

/** Tag of the element that hosts the card's shadow root; the walker skips it. */
export const CARD_HOST_TAG = 'factmark-card';
const GAP = 6;
const MARGIN = 8;

/**
 * Owns the one hover card: creates its shadow root lazily, renders FactCard into it and places it
 * next to the figure, inside the viewport, never over the figure itself.
 */
export class CardController {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  current: Annotation | null = null;

  constructor(private readonly doc: Document) {}

  /** True for events inside the card. */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  /** Shows the card for `annotation`; with `focus`, moves keyboard focus into it. */
  open(annotation: Annotation, focus: boolean): void {
    const mount = this.ensureMount();
    if (focus && !this.contains(this.doc.activeElement)) this.returnFocus = this.doc.activeElement;
    this.current = annotation;
    render(<FactCard figureText={annotation.figure.text} verdict={annotation.verdict} id={`factmark-${annotation.index}`} />, mount);
    this.place();
    if (focus) (mount.firstElementChild as HTMLElement | null)?.focus();
  }

  /** Hides the card; focus goes back to where it was when the keyboard opened it. */
  close(): void {
    if (!this.mount || !this.current) return;
    const hadFocus = this.contains(this.doc.activeElement);
    render(null, this.mount);
    this.current = null;
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /** Re-places the card after scrolling or resizing. */
  place(): void {
    const card = this.mount?.firstElementChild as HTMLElement | null;
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
  }

  /** Removes the card's host from the page. */
  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = this.mount = null;
  }

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = this.doc.createElement(CARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_CSS;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    // Outside <body>, so the page's own layout and body text are left as they were.
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }
}
