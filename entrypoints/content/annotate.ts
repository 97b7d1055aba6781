import { recognize } from '../../data/recognize';
import type { AnnotateRequest } from '../../data/schema/messages';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { LIMITS } from '../../data/schema/limits';
import { HeadingFinder, sentenceBefore, type HeadingElement } from '../../data/text/headings';
import type { Result } from '../../data/schema/result';
import type { Figure } from '../../data/schema/figure';
import type { Verdict } from '../../data/schema/verdict';
import { locate, shownIn, unclipped, visibleText, walkBlocks, type TextBlock } from './blocks';
import type { Annotation } from './annotation';
import { Slice } from './slices';

/** Sends one batch to the background and returns its verdicts. */
export type AskVerdicts = (request: AnnotateRequest) => Promise<Result<Verdict[]>>;

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
}

/**
 * Figures a batch must hold before it goes while reading continues. A long page is read for
 * several 8 ms slices; sending what each slice found lets the background match it while the page
 * reads on (a full pass on a 1.3 MB page took ~25% less than with one message at the end). A
 * short page, read in one slice, still sends a single message.
 */
const EARLY_BATCH = 500;

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
  let recognizing = 0;
  const slice = new Slice();
  let batch = new Batch();
  const asked: Promise<Result<Annotation[]>>[] = [];
  let firstAnswer = -1;
  const send = async () => {
    // Keep the background's backlog (and the text it holds) bounded.
    if (asked.length >= MAX_IN_FLIGHT) await asked[asked.length - MAX_IN_FLIGHT];
    asked.push(
      batch.ask(request, ask).then((answer) => {
        if (answer.ok && answer.value.length) {
          if (firstAnswer < 0) firstAnswer = performance.now() - started;
          request.onAnswer(answer.value);
        }
        return answer;
      }),
    );
    batch = new Batch();
  };
  const options = { locale: request.locale };
  const styles = new Map<Element, number>();
  for (const root of request.roots) {
    for (const block of walkBlocks(root, request.isOwnUi)) {
      request.onBlock(block);
      const before = performance.now();
      let figures = recognize(block.text, options).slice(0, LIMITS.figuresPerBatch);
      recognizing += performance.now() - before;
      const owner = figures.length ? shownIn(block) : null;
      if (figures.length && !owner) request.onHidden?.(block);
      // Only the text the reader sees counts: figures and their words come from visible text alone.
      const seen = owner && block.nodes.length > 1 ? visibleText(block, owner) : block;
      if (seen !== block) figures = recognize(seen.text, options).slice(0, LIMITS.figuresPerBatch);
      if (owner && figures.length) figures = unclipped(seen, owner, figures, styles);
      if (owner && batch.size + figures.length > LIMITS.figuresPerBatch) await send();
      if (owner && figures.length) batch.add(seen, figures, owner);
      if (slice.due()) {
        if (batch.size >= EARLY_BATCH) await send();
        await slice.next();
      }
    }
  }
  if (batch.size) await send();
  const read = performance.now() - started;
  let annotated = 0;
  for (const answer of await Promise.all(asked)) {
    if (!answer.ok) return answer;
    annotated += answer.value.length;
  }
  if (request.timings) Object.assign(request.timings, { read, recognize: recognizing, lookup: performance.now() - started - read, batches: asked.length, firstAnswer });
  return { ok: true, value: annotated };
}

/** Whether a heading or a paragraph before a figure's is rendered: hidden text names nothing. */
const shown = (el: HeadingElement) => (el as unknown as Element).checkVisibility?.() ?? true;

/** Figures waiting for their verdicts, with the paragraphs they came from. */
class Batch {
  private readonly found: { block: TextBlock; figure: Figure; owner: Element }[] = [];
  private readonly writer = new AnnotateWriter();
  /** Each paragraph's heading goes with it: the matcher reads its names like the sentence before (a hidden heading is none). */
  private readonly headings = new HeadingFinder(shown);

  get size(): number {
    return this.found.length;
  }

  /**
   * Adds a block's figures, shown in `owner` (see `shownIn`). A block longer than the per-block
   * limit is sent as windows of that size, each centred on the first figure it holds, so every
   * figure keeps the words around it.
   */
  add(block: TextBlock, figures: Figure[], owner: Element): void {
    const max = LIMITS.blockChars;
    let window = -1;
    let from = 0;
    for (const figure of figures) {
      if (window === -1 || figure.start < from || figure.end > from + max) {
        from = block.text.length <= max ? 0 : Math.max(0, Math.min(figure.start - max / 2, block.text.length - max));
        const paragraph = (block.owner ?? owner) as unknown as HeadingElement;
        window = this.writer.addBlock(block.text.slice(from, from + max), this.headings.of(paragraph), from === 0 ? sentenceBefore(paragraph, shown) : undefined);
      }
      this.writer.addFigure(window, figure, from);
      this.found.push({ block, figure, owner });
    }
  }

  /** Asks the background and turns the answers into annotations on text that is still there. */
  async ask(request: ScanRequest, ask: AskVerdicts): Promise<Result<Annotation[]>> {
    const { url, title, published } = request.page;
    const answer = await ask(this.writer.request(url.slice(0, 2_000), title.slice(0, LIMITS.titleChars), published));
    if (!answer.ok) return answer;
    if (answer.value.length !== this.found.length) return { ok: false, error: 'The background answered for a different number of figures.' };
    // Text may have changed while the background answered: such blocks are read again by the next pass.
    const unchanged = new Map<TextBlock, boolean>();
    const stillThere = (block: TextBlock) => {
      let same = unchanged.get(block);
      if (same === undefined) unchanged.set(block, (same = block.nodes.every((n) => n.isConnected) && block.nodes.map((n) => n.data).join('') === block.text));
      return same;
    };
    const annotations: Annotation[] = [];
    this.found.forEach(({ block, figure, owner }, i) => {
      if (!stillThere(block)) return;
      annotations.push({ index: request.nextIndex(), ...locate(block, figure.start, figure.end), owner, figure, verdict: answer.value[i]! });
    });
    return { ok: true, value: annotations };
  }
}
