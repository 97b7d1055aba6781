import { recognize } from '../../data/recognize';
import { sentenceAround } from '../../data/text/sentence';
import type { AnnotateRequest, FigureQuery } from '../../data/schema/messages';
import { LIMITS } from '../../data/schema/limits';
import type { Result } from '../../data/schema/result';
import type { Figure } from '../../data/schema/figure';
import type { Verdict } from '../../data/schema/verdict';
import { locate, walkBlocks, type TextBlock } from './blocks';
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
  /** Filled with how long reading the page and the lookup took, in ms. */
  timings?: { read: number; lookup: number };
}

/**
 * One annotation pass: walk the roots' text in slices that yield to the page, recognise figures,
 * ask the background for all verdicts in one message (more only past the per-message limit of
 * figures), and return the new annotations.
 */
export async function scanRoots(request: ScanRequest, ask: AskVerdicts): Promise<Result<Annotation[]>> {
  const started = performance.now();
  let lookup = 0;
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
      const figures = recognize(block.text).slice(0, LIMITS.figuresPerBatch);
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
  if (request.timings) Object.assign(request.timings, { read: performance.now() - started - lookup, lookup });
  return { ok: true, value: annotations };
}

/** Figures waiting for their verdicts, with the sentences and paragraphs they came from. */
class Batch {
  private readonly found: { block: TextBlock; figure: Figure }[] = [];
  private readonly blocks: string[] = [];
  private readonly figures: FigureQuery[] = [];

  get size(): number {
    return this.figures.length;
  }

  add(block: TextBlock, figures: Figure[]): void {
    const blockIndex = this.blocks.length;
    this.blocks.push(clipAround(block.text, figures[0]!.start));
    for (const figure of figures) {
      const { sentence, at } = sentenceAround(block.text, figure.start, figure.end, LIMITS.sentenceChars);
      this.figures.push({ figure, sentence, at, block: blockIndex });
      this.found.push({ block, figure });
    }
  }

  /** Asks the background and turns the answers into annotations on text that is still there. */
  async ask(request: ScanRequest, ask: AskVerdicts): Promise<Result<Annotation[]>> {
    const { url, title } = request.page;
    const answer = await ask({ type: 'annotate', url: url.slice(0, 2_000), title: title.slice(0, LIMITS.titleChars), blocks: this.blocks, figures: this.figures });
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

/** Keeps a long block to the size limit, centred on where its first figure is. */
function clipAround(text: string, at: number): string {
  const max = LIMITS.blockChars;
  if (text.length <= max) return text;
  const from = Math.max(0, Math.min(at - max / 2, text.length - max));
  return text.slice(from, from + max);
}
