import { recognize } from '../../data/recognize';
import type { AnnotateRequest } from '../../data/schema/messages';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { LIMITS } from '../../data/schema/limits';
import type { Result } from '../../data/schema/result';
import type { Figure } from '../../data/schema/figure';
import type { Verdict } from '../../data/schema/verdict';
import { isShown, locate, walkBlocks, type TextBlock } from './blocks';
import type { Annotation } from './annotation';
import { Slice } from './slices';

/** Sends one batch to the background and returns its verdicts. */
export type AskVerdicts = (request: AnnotateRequest) => Promise<Result<Verdict[]>>;

/** What one pass reads. */
export interface ScanRequest {
  /** Subtrees to read; none contains another. */
  roots: Node[];
  page: { url: string; title: string };
  isOwnUi: (el: Element) => boolean;
  /** Called for every block read, before its figures are found (to drop what it showed before). */
  onBlock: (block: TextBlock) => void;
  /** Numbers each new annotation. */
  nextIndex: () => number;
  /** Filled with how long reading the page (of which recognizing figures) and the lookup took, in ms. */
  timings?: Timings;
}

/** Where one pass spent its time, in ms (the `factmark:annotate` measure's detail, for benchmarks). */
export interface Timings {
  read: number;
  /** The part of `read` spent in recognize(). */
  recognize: number;
  lookup: number;
}

/**
 * One annotation pass: walk the roots' text in slices that yield to the page, recognise figures,
 * ask the background for all verdicts in one message (more only past the per-message limit of
 * figures), and return the new annotations.
 */
export async function scanRoots(request: ScanRequest, ask: AskVerdicts): Promise<Result<Annotation[]>> {
  const started = performance.now();
  let lookup = 0;
  let recognizing = 0;
  const slice = new Slice();
  const annotations: Annotation[] = [];
  let batch = new Batch();
  const flush = async (): Promise<Result<unknown>> => {
    const asked = performance.now();
    const answer = await batch.ask(request, ask);
    lookup += performance.now() - asked;
    batch = new Batch();
    if (answer.ok) annotations.push(...answer.value);
    return answer;
  };
  for (const root of request.roots) {
    for (const block of walkBlocks(root, request.isOwnUi)) {
      request.onBlock(block);
      const before = performance.now();
      let figures = recognize(block.text).slice(0, LIMITS.figuresPerBatch);
      recognizing += performance.now() - before;
      if (figures.length && !isShown(block)) figures = [];
      if (figures.length && batch.size + figures.length > LIMITS.figuresPerBatch) {
        const answer = await flush();
        if (!answer.ok) return answer;
      }
      if (figures.length) batch.add(block, figures);
      await slice.maybeYield();
    }
  }
  if (batch.size) {
    const answer = await flush();
    if (!answer.ok) return answer;
  }
  if (request.timings) Object.assign(request.timings, { read: performance.now() - started - lookup, recognize: recognizing, lookup });
  return { ok: true, value: annotations };
}

/** Figures waiting for their verdicts, with the paragraphs they came from. */
class Batch {
  private readonly found: { block: TextBlock; figure: Figure }[] = [];
  private readonly writer = new AnnotateWriter();

  get size(): number {
    return this.found.length;
  }

  /**
   * Adds a block's figures. A block longer than the per-block limit is sent as windows of that size,
   * each centred on the first figure it holds, so every figure keeps the words around it.
   */
  add(block: TextBlock, figures: Figure[]): void {
    const max = LIMITS.blockChars;
    let window = -1;
    let from = 0;
    for (const figure of figures) {
      if (window === -1 || figure.start < from || figure.end > from + max) {
        from = block.text.length <= max ? 0 : Math.max(0, Math.min(figure.start - max / 2, block.text.length - max));
        window = this.writer.addBlock(block.text.slice(from, from + max));
      }
      this.writer.addFigure(window, figure, from);
      this.found.push({ block, figure });
    }
  }

  /** Asks the background and turns the answers into annotations on text that is still there. */
  async ask(request: ScanRequest, ask: AskVerdicts): Promise<Result<Annotation[]>> {
    const { url, title } = request.page;
    const answer = await ask(this.writer.request(url.slice(0, 2_000), title.slice(0, LIMITS.titleChars)));
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
    this.found.forEach(({ block, figure }, i) => {
      if (!stillThere(block)) return;
      const owner = block.owner ?? block.nodes[0]!.parentElement!;
      annotations.push({ index: request.nextIndex(), ...locate(block, figure.start, figure.end), owner, figure, verdict: answer.value[i]! });
    });
    return { ok: true, value: annotations };
  }
}
