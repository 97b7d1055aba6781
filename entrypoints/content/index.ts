import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentMessage, parseMessage, type PageFigures, type Result } from '../../data/schema/messages';
import { readSettings, type Settings } from '../../data/schema/settings';
import type { Verdict } from '../../data/schema/verdict';
import type { Annotation } from './annotation';
import { annotate } from './annotate';
import { CardController, CARD_HOST_TAG } from './card';
import { annotationAt, indexByNode, type NodeIndex } from './hit-test';
import { clearHighlights, paintHighlights } from './highlights';
import './highlights.css';

const CLOSE_DELAY_MS = 250;
const RESCAN_DELAY_MS = 400;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main: () => void new PageAnnotator(document).start(),
});

/** Wires page events to the annotation pass, the highlights and the card. */
class PageAnnotator {
  private annotations: Annotation[] = [];
  private nodes: NodeIndex = new Map();
  private settings: Settings = { disabledSites: [], showUnverified: true };
  private readonly card: CardController;
  private closeTimer = 0;
  private pointerFrame = 0;
  private rescanTimer = 0;
  private passes = 0;
  private observer: MutationObserver;

  constructor(private readonly doc: Document) {
    this.card = new CardController(doc);
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => !this.isOwnUi(r.target))) this.scheduleRescan();
    });
  }

  async start(): Promise<void> {
    this.settings = await readSettings(browser.storage.local);
    browser.runtime.onMessage.addListener((message, _sender, reply) => {
      const parsed = parseMessage(ContentMessage, message);
      if (!parsed.ok) return reply(parsed) as undefined;
      void this.answer(parsed.value).then(reply);
      return true;
    });
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'local') void this.reloadSettings();
    });
    if (this.enabled) await this.activate();
  }

  private get host(): string {
    return this.doc.location.hostname;
  }

  private get enabled(): boolean {
    return !this.settings.disabledSites.includes(this.host);
  }

  private async reloadSettings(): Promise<void> {
    const wasEnabled = this.enabled;
    this.settings = await readSettings(browser.storage.local);
    if (this.enabled && !wasEnabled) await this.activate();
    else if (!this.enabled && wasEnabled) this.deactivate();
    else if (this.enabled) paintHighlights(this.annotations, this.settings.showUnverified);
  }

  private async activate(): Promise<void> {
    const on = this.doc.addEventListener.bind(this.doc);
    on('pointermove', this.onPointerMove, { passive: true });
    on('mouseout', this.onMouseOut, { passive: true });
    on('keydown', this.onKeyDown, true);
    on('focusin', this.onFocusIn);
    window.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
    window.addEventListener('resize', this.onViewportChange, { passive: true });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    await this.scan();
  }

  private deactivate(): void {
    const off = this.doc.removeEventListener.bind(this.doc);
    off('pointermove', this.onPointerMove);
    off('mouseout', this.onMouseOut);
    off('keydown', this.onKeyDown, true);
    off('focusin', this.onFocusIn);
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
    window.removeEventListener('resize', this.onViewportChange);
    this.observer.disconnect();
    this.card.destroy();
    clearHighlights();
    this.annotations = [];
    this.nodes = new Map();
  }

  /** One full pass: walk, recognise, one batched lookup, paint; measured for DevTools and benchmarks. */
  private async scan(): Promise<void> {
    const pass = ++this.passes;
    const start = performance.now();
    const result = await annotate(this.doc.body, { url: this.doc.location.href.split('#')[0]!, title: this.doc.title }, askBackground, (el) => this.isOwnUi(el));
    if (pass !== this.passes || !this.enabled) return; // a newer pass or a switch-off won
    if (!result.ok) {
      console.warn(`Factmark: ${result.error}`);
      return;
    }
    this.annotations = result.value;
    this.nodes = indexByNode(this.annotations);
    paintHighlights(this.annotations, this.settings.showUnverified);
    if (this.card.current) this.card.close();
    performance.measure('factmark:annotate', { start, end: performance.now(), detail: { figures: this.annotations.length } });
  }

  private scheduleRescan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = window.setTimeout(() => void this.scan(), RESCAN_DELAY_MS);
  }

  private isOwnUi(node: Node): boolean {
    return node instanceof Element && node.tagName === CARD_HOST_TAG.toUpperCase();
  }

  private get visible(): Annotation[] {
    return this.settings.showUnverified ? this.annotations : this.annotations.filter((a) => a.verdict.verdict !== 'unverified');
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (this.card.contains(event.target)) return this.cancelClose();
    const { clientX, clientY } = event;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = requestAnimationFrame(() => {
      const hit = annotationAt(this.doc, this.nodes, clientX, clientY);
      if (hit && (hit.verdict.verdict !== 'unverified' || this.settings.showUnverified)) {
        this.cancelClose();
        if (this.card.current !== hit) this.card.open(hit, false);
      } else if (this.card.current) this.scheduleClose();
    });
  };

  private readonly onMouseOut = (event: MouseEvent): void => {
    if (!event.relatedTarget && this.card.current) this.scheduleClose();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
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
    const list = this.visible;
    if (list.length === 0) return;
    const at = this.card.current ? list.indexOf(this.card.current) : -1;
    const next = at === -1 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    this.reveal(list[next]!);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (this.card.contains(target) || !(target instanceof Element)) return;
    const inside = this.visible.find((a) => target.contains(a.range.startContainer));
    if (inside) this.card.open(inside, false);
    else if (this.card.current) this.card.close();
  };

  private readonly onViewportChange = (): void => {
    if (this.card.current) requestAnimationFrame(() => this.card.place());
  };

  /** Scrolls a figure into view and opens its card with focus in it. */
  private reveal(annotation: Annotation): void {
    const element = annotation.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
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

  /** Answers the popup. */
  private async answer(message: ContentMessage): Promise<Result<PageFigures | null>> {
    if (message.type === 'page:reveal') {
      const annotation = this.annotations[message.index];
      if (!annotation) return { ok: false, error: `No figure number ${message.index} on this page.` };
      this.reveal(annotation);
      return { ok: true, value: null };
    }
    if (message.type === 'page:refresh') await this.scan();
    return {
      ok: true,
      value: {
        host: this.host,
        enabled: this.enabled,
        figures: this.annotations.map((a) => ({
          index: a.index,
          text: a.figure.text,
          verdict: a.verdict.verdict,
          display: a.verdict.fact?.display,
          label: a.verdict.fact?.label,
        })),
      },
    };
  }
}

async function askBackground(request: Parameters<Parameters<typeof annotate>[2]>[0]): Promise<Result<Verdict[]>> {
  try {
    return (await browser.runtime.sendMessage(request)) as Result<Verdict[]>;
  } catch (error) {
    return { ok: false, error: `The extension did not answer: ${(error as Error).message}` };
  }
}
