import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FactCard } from '../../components/FactCard';
import { CorrectionForm, type FieldErrors } from '../../components/CorrectionForm';
import { CARD_CSS, CORRECTION_CSS } from '../../components/card-styles';
import { checkDraft } from '../../data/corrections/draft';
import { summarize } from '../../data/corrections/decorate';
import type { CorrectionInput, CorrectionRecord, CorrectionTarget } from '../../data/schema/correction';
import type { DealChoice } from '../../data/schema/correction-messages';
import type { Result } from '../../data/schema/messages';
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
  /** True while the correction form is open: the card then stays until Escape, Cancel or a save. */
  private formOpen = false;
  /** Set during the dispatch of an Escape key press, so `close()` knows it came from the keyboard. */
  private escaping = false;
  private deals: DealChoice[] | null = null;

  constructor(private readonly doc: Document) {
    // Window capture runs before the page annotator's document listener, which calls close() on Escape.
    doc.defaultView?.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape') return;
        this.escaping = true;
        setTimeout(() => (this.escaping = false));
      },
      true,
    );
  }

  /** True while the card holds a correction form (it then ignores hover changes and pointer leave). */
  get isBusy(): boolean {
    return this.formOpen && !!this.current;
  }

  /** True for events inside the card. */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && this.host.contains(target);
  }

  /** Shows the card for `annotation`; with `focus`, moves keyboard focus into it. */
  open(annotation: Annotation, focus: boolean): void {
    if (this.isBusy && annotation !== this.current) return; // never throw away a form being filled in
    const mount = this.ensureMount();
    if (focus && !this.contains(this.doc.activeElement)) this.returnFocus = this.doc.activeElement;
    if (annotation !== this.current) this.formOpen = false;
    this.current = annotation;
    this.render();
    if (focus) (mount.firstElementChild as HTMLElement | null)?.focus();
  }

  /**
   * Hides the card; focus goes back to where it was when the keyboard opened it. While the
   * correction form is open, Escape only closes the form and pointer leave does nothing, unless
   * `force` (the site was switched off).
   */
  close(force = false): void {
    if (!this.mount || !this.current) return;
    if (this.formOpen && !force) {
      if (this.escaping) this.closeForm();
      return;
    }
    this.formOpen = false;
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
    this.close(true);
    this.host?.remove();
    this.host = this.mount = null;
  }

  /** Renders the card (and the form, when open) for the current annotation and places it. */
  private render(): void {
    const annotation = this.current;
    if (!annotation || !this.mount) return;
    const id = `factmark-${annotation.index}`;
    const form = this.formOpen ? this.renderForm(annotation, `${id}-fix`) : undefined;
    render(<FactCard figureText={annotation.figure.text} verdict={annotation.verdict} id={id} onSuggest={() => this.openForm()} form={form} />, this.mount);
    this.place();
  }

  private renderForm(annotation: Annotation, id: string) {
    const fact = annotation.verdict.fact;
    const kind = fact ? 'dispute' : 'new-fact';
    const initial: CorrectionInput = { value: fact ? '' : annotation.figure.text, measures: fact?.label ?? '', evidenceUrl: '', quote: '', note: '' };
    const check = (input: CorrectionInput) => {
      // The value is read back as soon as it parses, whatever the other fields say.
      const result = checkDraft(input, { factUnit: fact?.quantity.unit });
      return result.ok ? { resolved: result.value.proposed.display, errors: {} } : { resolved: result.proposed?.display, errors: result.errors as FieldErrors };
    };
    return (
      <CorrectionForm
        key={`${annotation.index}-form`}
        id={id}
        kind={kind}
        initial={initial}
        deals={this.deals}
        check={check}
        onSubmit={(input, deal) => this.submit(annotation, input, deal)}
        onCancel={() => this.closeForm()}
      />
    );
  }

  private openForm(): void {
    this.formOpen = true;
    this.render();
    this.mount?.querySelector<HTMLElement>('.correction-form input')?.focus();
    if (!this.current?.verdict.fact && this.deals === null) void this.loadDeals();
  }

  private closeForm(): void {
    this.formOpen = false;
    this.render();
    (this.mount?.querySelector<HTMLElement>('.suggest') ?? (this.mount?.firstElementChild as HTMLElement | null))?.focus();
  }

  private async loadDeals(): Promise<void> {
    const answer = await ask<DealChoice[]>({ type: 'corrections:deals' });
    this.deals = answer.ok ? answer.value : [];
    if (this.formOpen) this.render();
  }

  /** Saves a correction through the background; on success shows it as pending at once. */
  private async submit(annotation: Annotation, input: CorrectionInput, deal: DealChoice | undefined): Promise<string | null> {
    const fact = annotation.verdict.fact;
    const page = { url: this.doc.location.href.split('#')[0]!.slice(0, 2_000), title: this.doc.title.slice(0, 500) };
    const target: CorrectionTarget = fact
      ? { kind: 'dispute', packId: fact.pack.id, factId: fact.id, figureText: annotation.figure.text, page }
      : { kind: 'new-fact', packId: deal?.packId ?? '', dealId: deal?.dealId, figureText: annotation.figure.text, page };
    const answer = await ask<CorrectionRecord>({ type: 'corrections:submit', target, input });
    if (!answer.ok) return answer.error;
    annotation.verdict = { ...annotation.verdict, myCorrection: summarize(answer.value) };
    if (this.current === annotation) this.closeForm();
    return null;
  }

  private ensureMount(): HTMLElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = this.doc.createElement(CARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_CSS + CORRECTION_CSS;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    // Outside <body>, so the page's own layout and body text are left as they were.
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }
}

/** Sends a message to the background; a dead or missing background becomes an error sentence. */
async function ask<T>(message: unknown): Promise<Result<T>> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as Result<T> | undefined;
    return answer ?? { ok: false, error: 'The extension did not answer; your correction was not saved. Try again.' };
  } catch (error) {
    return { ok: false, error: `The extension did not answer (${(error as Error).message}); your correction was not saved. Try again.` };
  }
}
