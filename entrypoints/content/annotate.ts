import type { RecognizeOptions } from '../../data/recognize';
import { recognizeInWindows, WINDOW_CHARS } from '../../data/recognize/windows';
import type { AnnotateRequest } from '../../data/schema/messages';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { LIMITS } from '../../data/schema/limits';
import { HeadingFinder, inFirstSentence, sentenceBefore, type HeadingElement } from '../../data/text/headings';
import type { Result } from '../../data/schema/result';
import type { Figure } from '../../data/schema/figure';
import { unpackVerdicts, type PackedVerdicts } from '../../data/match/pack-verdicts';
import { isInlineElement, isSkipped, locate, shownIn, unclipped, visibleText, walkBlocks, type TextBlock } from './blocks';
import type { Annotation } from './annotation';
import { longestRun, Slice, takeRuns, type Runs } from './slices';
import { ViewportFirst } from './viewport-first';

/** Sends one batch to the background and returns its verdicts, packed (unpacked here a slice at a time). */
export type AskVerdicts = (request: AnnotateRequest) => Promise<Result<PackedVerdicts>>;

/** What one pass reads. */
export interface ScanRequest {
  /** Subtrees to read; none contains another. */
  roots: Node[];
  page: { url: string; title: string; published?: string };
  /** The page's language (`<html lang>`), which decides how numbers are written. */
  locale?: string;
  isOwnUi: (el: Element) => boolean;
  /** Called for every block read, before its figures are found (to drop what it showed before). */
  onBlock: (block: TextBlock) => void;
  /** Told of each block with figures that is not rendered now (to read again if the page reveals it). */
  onHidden?: (block: TextBlock) => void;
  /** Numbers each new annotation. */
  nextIndex: () => number;
  /** Given each batch's annotations as soon as its verdicts arrive, so they can be painted before the pass ends. */
  onAnswer: (annotations: Annotation[]) => void;
  /** Filled with where the pass spent its time. */
  timings?: Timings;
}

/** Where one pass spent its time, in ms (the `factmark:annotate` measure's detail, for benchmarks). */
export interface Timings {
  /** Walking and recognizing, until the last batch was sent. */
  read: number;
  /** The part of `read` spent in recognize(). */
  recognize: number;
  /** From then until every answer was in and placed on the page. */
  lookup: number;
  /** How many `annotate` messages the pass sent. */
  batches: number;
  /** From the start until the first figures were handed over for painting (-1 if none were). */
  firstAnswer: number;
  /** From the start until the first figures on screen were handed over for painting (-1 if none were, or not a full pass). */
  firstInView?: number;
  /** The longest run of the pass's own work between two yields to the page. */
  longestTask?: number;
  /** The pass's own runs of work by kind: how many, and the longest (so a test can tell the work was split). */
  runs?: Runs;
}

/**
 * Figures a batch must hold before it goes while reading continues. A long page is read for
 * several 8 ms slices; sending what each slice found lets the background match it while the page
 * reads on (a full pass on a 1.3 MB page took ~25% less than with one message at the end). A
 * short page, read in one slice, still sends a single message.
 */
const EARLY_BATCH = 500;

/** Paragraph text one batch carries at most (a batch is full at this or at LIMITS.figuresPerBatch figures). */
const BATCH_CHARS = 256 * 1024;

/**
 * How long a full pass waits, once the screen's own figures are sent, for their answer before it
 * reads on. Reading on at once left the page and the worker fighting for 2 cores, and the first
 * answer came 10-30 ms late; waiting (an idle page, typically 5-20 ms) roughly halved the first
 * pass's first underlines in view (bench: 66-80 ms before, 18-55 ms after, full pass unchanged).
 */
const SCREEN_ANSWER_WAIT_MS = 40;

/** Batches waiting for answers at most: on a huge page reading waits for the background to catch up. */
const MAX_IN_FLIGHT = 4;

/**
 * One annotation pass: walk the roots' text in slices that yield to the page, recognise figures,
 * ask the background for their verdicts (one message per slice that found at least EARLY_BATCH
 * figures, and one for the rest), and hand each batch's annotations to `onAnswer` as they
 * arrive. Answers how many figures were annotated.
 */
export async function scanRoots(request: ScanRequest, ask: AskVerdicts): Promise<Result<number>> {
  const started = performance.now();
  takeRuns();
  const spent = { recognize: 0 };
  const slice = new Slice();
  const headings = new HeadingFinder(shown);
  let batch = new Batch(headings);
  const asked: Promise<Result<number>>[] = [];
  let firstAnswer = -1;
  let firstInView = -1;
  const send = async () => {
    // Keep the background's backlog (and the text it holds) bounded.
    if (asked.length >= MAX_IN_FLIGHT) {
      slice.end();
      await asked[asked.length - MAX_IN_FLIGHT];
      slice.resumed();
    }
    const sent = batch;
    asked.push(
      sent.ask(request, ask, (annotations) => {
        const at = performance.now() - started;
        if (firstAnswer < 0) firstAnswer = at;
        if (sent.inView && firstInView < 0) firstInView = at;
        request.onAnswer(annotations);
      }),
    );
    batch = new Batch(headings);
  };
  const options = { locale: request.locale };
  const styles = new Map<Element, number>();
  const read = async (block: TextBlock, inView: boolean) => {
    request.onBlock(block);
    if (readFromStart) for (const n of block.nodes) readFromStart.add(n);
    let figures = await recognizeSliced(block.text, options, slice, spent);
    const owner = figures.length ? shownIn(block) : null;
    if (figures.length && !owner) request.onHidden?.(block);
    // Only the text the reader sees counts: figures and their words come from visible text alone.
    const seen = owner && block.nodes.length > 1 ? visibleText(block, owner) : block;
    if (seen !== block) figures = await recognizeSliced(seen.text, options, slice, spent);
    if (owner && figures.length) figures = await unclippedSliced(seen, owner, figures, styles, slice);
    // A batch is sent when full, so no one message is costly to build, copy and match: one 50 MB
    // paragraph's figures, each with its 5,000 characters, were once a single 12 MB message.
    // A long block's figures go in FIGURES_PER_STEP at a time, so one dense block is no long task
    // (a short one goes whole: each call sends its text again).
    const step = seen.text.length > LIMITS.blockChars ? FIGURES_PER_STEP : Infinity;
    for (let next = 0; owner && next < figures.length; ) {
      if (batch.size >= LIMITS.figuresPerBatch || batch.chars >= BATCH_CHARS) await sendFresh();
      next = batch.add(seen, figures, next, owner, inView, next + step);
      if (next < figures.length && slice.due()) await slice.next();
    }
    await due();
  };
  /**
   * Sends the batch at the start of a slice: copying a full batch into a message takes 5-10 ms, so
   * sent at the end of a used slice it made one task of both (profiled: 41-84 ms tasks on 2 loaded cores).
   */
  const sendFresh = async () => {
    await slice.next();
    await send();
  };
  /** Between blocks: when the slice is used up, the page gets its turn, and then what was found goes (if enough). */
  const due = async () => {
    if (!slice.due()) return;
    if (batch.size >= EARLY_BATCH) await sendFresh();
    else await slice.next();
  };
  // A full pass reads what is on screen first (see ViewportFirst); a partial one reads a few paragraphs.
  const body = request.roots.length === 1 ? request.roots[0]!.ownerDocument?.body : undefined;
  const order = body && request.roots[0] === body ? new ViewportFirst(body.ownerDocument.defaultView!) : null;
  const above: TextBlock[] = [];
  let screenSent = false;
  // A long page opened scrolled down is read from near the screen on, then from the top.
  const start = order?.long ? order.startNear(body!, (el) => !isSkipped(el, request.isOwnUi) && !isInlineElement(el)) : undefined;
  /**
   * The text nodes read from `start` on, which the walk from the top then steps over. It walks the
   * whole page rather than stopping at `start`: the page may have moved or removed `start` meanwhile.
   */
  const readFromStart = start && new WeakSet<Text>();
  for (const root of request.roots) {
    for (const block of walkBlocks(root, request.isOwnUi, start)) {
      // The walk stops every so many nodes without a block (a page of empty elements) so the clock is looked at.
      if (!block) {
        await due();
        continue;
      }
      if (order && !order.done) {
        const { place, inView } = order.place(block);
        if (place === 'above') {
          above.push(block);
          continue;
        }
        // The walk just left the screen: what it found there goes now, ahead of the rest of the
        // page, which is read behind the page's own tasks (its timers and frames go first).
        if (place === 'below') {
          slice.deferToPage();
          if (batch.size) await send();
        } else if (!inView && batch.inView && !screenSent && order.long) {
          // The walk just left the screen of a long page: its figures go at once, ahead of the near
          // zone's, and the page idles a moment for their answer (see SCREEN_ANSWER_WAIT_MS).
          screenSent = true;
          await send();
          slice.end();
          await waitAtMost(asked[asked.length - 1]!, SCREEN_ANSWER_WAIT_MS);
          slice.resumed();
        }
        await read(block, inView);
      } else await read(block, false);
    }
  }
  for (const block of above) await read(block, false);
  if (start) {
    for (const block of walkBlocks(body!, request.isOwnUi)) {
      if (!block) await due();
      else if (!block.nodes.some((n) => readFromStart!.has(n))) await read(block, false);
    }
  }
  if (batch.size) await send();
  slice.end();
  const readMs = performance.now() - started;
  let annotated = 0;
  for (const answer of await Promise.all(asked)) {
    if (!answer.ok) return answer;
    annotated += answer.value;
  }
  if (request.timings) Object.assign(request.timings, { read: readMs, recognize: spent.recognize, lookup: performance.now() - started - readMs, batches: asked.length, firstAnswer, firstInView, ...ownRuns() });
  return { ok: true, value: annotated };
}

/**
 * recognize() over one block's text, window by window for a long text (one paragraph may be a
 * 50 MB text node), giving the page its turn whenever the slice is used up; at most
 * LIMITS.figuresPerBatch figures. Adds the time spent recognizing to `spent`.
 */
async function recognizeSliced(text: string, options: RecognizeOptions, slice: Slice, spent: { recognize: number }): Promise<Figure[]> {
  const steps = recognizeInWindows(text, options, LIMITS.figuresPerBatch);
  for (;;) {
    const before = performance.now();
    const step = steps.next();
    spent.recognize += performance.now() - before;
    if (step.done) return step.value;
    if (slice.due()) await slice.next();
  }
}

/** Waits for `work` to settle, or `ms` at most (the timer is cleared when the work wins). */
async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer = 0;
  await Promise.race([work, new Promise((resolve) => (timer = window.setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Figures of one block handled between two looks at the clock (a block may hold 10,000). */
const FIGURES_PER_STEP = 256;

/** `unclipped` over a block's figures FIGURES_PER_STEP at a time, giving the page its turn when the slice is used up. */
async function unclippedSliced(block: TextBlock, owner: Element, figures: Figure[], styles: Map<Element, number>, slice: Slice): Promise<Figure[]> {
  if (figures.length <= FIGURES_PER_STEP) return unclipped(block, owner, figures, styles);
  const kept: Figure[] = [];
  for (let from = 0; from < figures.length; from += FIGURES_PER_STEP) {
    kept.push(...unclipped(block, owner, figures.slice(from, from + FIGURES_PER_STEP), styles));
    if (slice.due()) await slice.next();
  }
  return kept;
}

/** The pass's own runs for its measure: by kind, and the longest of any kind. */
function ownRuns(): { longestTask: number; runs: Runs } {
  const runs = takeRuns();
  return { longestTask: longestRun(runs), runs };
}

/**
 * Whether a block's nodes still hold the text it was read from. A very long one is compared by
 * length only (copying and comparing 50 MB is a long task): a change to it is a
 * mutation, and the pass that follows drops what was shown on the changed node and reads it again.
 */
function sameText(block: TextBlock): boolean {
  if (block.text.length > WINDOW_CHARS) {
    let length = 0;
    for (const node of block.nodes) length += node.length;
    return length === block.text.length;
  }
  return (block.nodes.length === 1 ? block.nodes[0]!.data : block.nodes.map((n) => n.data).join('')) === block.text;
}

/** Annotations placed and handed over between two looks at the clock while an answer is placed (a batch may hold 10,000 figures). */
const ANSWERS_PER_STEP = 32;

/** Whether a heading or a paragraph before a figure's is rendered: hidden text names nothing. */
const shown = (el: HeadingElement) => (el as unknown as Element).checkVisibility?.() ?? true;

/** Figures waiting for their verdicts, with the paragraphs they came from. */
class Batch {
  private readonly found: { block: TextBlock; figure: Figure; owner: Element }[] = [];
  private readonly writer = new AnnotateWriter();

  /**
   * `headings`: the pass's one finder (each paragraph's heading goes with it: the matcher reads its
   * names like the sentence before; a hidden heading is none). One per pass, not per batch: a new
   * finder forgot what it had found, so each batch's first paragraph searched back through every
   * sibling before it, querying each for headings (55-135 ms tasks on a list of 10,000 paragraphs).
   */
  constructor(private readonly headings: HeadingFinder) {}
  /** Whether a figure of this batch lies in a paragraph on screen when the pass began. */
  inView = false;
  /** Characters of paragraph text the batch carries. */
  chars = 0;

  get size(): number {
    return this.found.length;
  }

  /**
   * Adds a block's figures from `first` on (up to `until`), shown in `owner` (see `shownIn`), until the batch is
   * full (LIMITS.figuresPerBatch figures or BATCH_CHARS of text); answers where it stopped. A
   * block longer than the per-block limit is sent as windows of that size, each centred on the
   * first figure it holds, so every figure keeps the words around it.
   */
  add(block: TextBlock, figures: Figure[], first: number, owner: Element, inView = false, until = figures.length): number {
    this.inView ||= inView;
    const max = LIMITS.blockChars;
    let window = -1;
    let from = 0;
    let i = first;
    for (; i < Math.min(until, figures.length) && this.found.length < LIMITS.figuresPerBatch; i++) {
      const figure = figures[i]!;
      if (window === -1 || figure.start < from || figure.end > from + max) {
        if (window !== -1 && this.chars >= BATCH_CHARS) break;
        from = block.text.length <= max ? 0 : Math.max(0, Math.min(figure.start - max / 2, block.text.length - max));
        const paragraph = (block.owner ?? owner) as unknown as HeadingElement;
        const text = block.text.slice(from, from + max);
        window = this.writer.addBlock(text, this.headings.of(paragraph), from === 0 && inFirstSentence(block.text, figure.start) ? sentenceBefore(paragraph, shown) : undefined);
        this.chars += text.length;
      }
      this.writer.addFigure(window, figure, from);
      this.found.push({ block, figure, owner });
    }
    return i;
  }

  /**
   * Asks the background and turns the answers into annotations on text that is still there,
   * handed to `hand` ANSWERS_PER_STEP at a time, with the page's turn whenever the slice's time is
   * used up (placing 10,000 ranges in one go was a long task; 250 at a time, 40-134 ms on a
   * loaded machine). The answer is unpacked a step at a time too. Answers how many were annotated.
   */
  async ask(request: ScanRequest, ask: AskVerdicts, hand: (annotations: Annotation[]) => void): Promise<Result<number>> {
    const { url, title, published } = request.page;
    const answer = await ask(this.writer.request(url.slice(0, 2_000), title.slice(0, LIMITS.titleChars), published));
    if (!answer.ok) return answer;
    const { facts, whys, verdicts } = answer.value;
    if (verdicts.length !== this.found.length) return { ok: false, error: 'The background answered for a different number of figures.' };
    // Text may have changed while the background answered: such blocks are read again by the next pass.
    const unchanged = new Map<TextBlock, boolean>();
    const stillThere = (block: TextBlock) => {
      let same = unchanged.get(block);
      if (same === undefined) unchanged.set(block, (same = block.nodes.every((n) => n.isConnected) && sameText(block)));
      return same;
    };
    const slice = new Slice('answer');
    let annotated = 0;
    for (let from = 0; from < this.found.length; from += ANSWERS_PER_STEP) {
      const to = Math.min(from + ANSWERS_PER_STEP, this.found.length);
      const unpacked = unpackVerdicts({ facts, whys, verdicts: verdicts.slice(from, to) });
      const annotations: Annotation[] = [];
      for (let i = from; i < to; i++) {
        const { block, figure, owner } = this.found[i]!;
        if (stillThere(block)) annotations.push({ index: request.nextIndex(), ...locate(block, figure.start, figure.end), owner, figure, verdict: unpacked[i - from]! });
      }
      if (annotations.length) hand(annotations);
      annotated += annotations.length;
      if (to < this.found.length && slice.due()) await slice.next();
    }
    slice.end();
    return { ok: true, value: annotated };
  }
}
