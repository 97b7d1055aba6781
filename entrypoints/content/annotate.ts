import { recognize } from '../../data/recognize';
import { sentenceAround } from '../../data/text/sentence';
import { LIMITS, type AnnotateRequest, type FigureQuery, type Result } from '../../data/schema/messages';
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
 * ask the background once for all verdicts, and return the new annotations.
 */
export async function scanRoots(request: ScanRequest, ask: AskVerdicts): Promise<Result<Annotation[]>> {
  const started = performance.now();
  const slice = new Slice();
  const found: { block: TextBlock; figure: Figure }[] = [];
  const blocks: string[] = [];
  const figures: FigureQuery[] = [];
  for (const root of request.roots) {
    for (const block of walkBlocks(root, request.isOwnUi)) {
      request.onBlock(block);
      const inBlock = figures.length < LIMITS.figuresPerBatch ? recognize(block.text) : [];
      if (inBlock.length) {
        const blockIndex = blocks.length;
        blocks.push(clipAround(block.text, inBlock[0]!.start));
        for (const figure of inBlock.slice(0, LIMITS.figuresPerBatch - figures.length)) {
          const { sentence, at } = sentenceAround(block.text, figure.start, figure.end, LIMITS.sentenceChars);
          figures.push({ figure, sentence, at, block: blockIndex });
          found.push({ block, figure });
        }
      }
      await slice.maybeYield();
    }
  }
  if (figures.length === 0) return { ok: true, value: [] };
  const { url, title } = request.page;
  const asked = performance.now();
  if (request.timings) request.timings.read = asked - started;
  const answer = await ask({ type: 'annotate', url: url.slice(0, 2_000), title: title.slice(0, LIMITS.titleChars), blocks, figures });
  if (request.timings) request.timings.lookup = performance.now() - asked;
  if (!answer.ok) return answer;
  if (answer.value.length !== found.length) return { ok: false, error: 'The background answered for a different number of figures.' };
  // Text may have changed while the background answered: such blocks are read again by the next pass.
  const unchanged = new Map<TextBlock, boolean>();
  const stillThere = (block: TextBlock) => {
    let same = unchanged.get(block);
    if (same === undefined) unchanged.set(block, (same = block.nodes.every((n) => n.isConnected) && block.nodes.map((n) => n.data).join('') === block.text));
    return same;
  };
  const annotations: Annotation[] = [];
  found.forEach(({ block, figure }, i) => {
    if (!stillThere(block)) return;
    annotations.push({ index: request.nextIndex(), ...locate(block, figure.start, figure.end), figure, verdict: answer.value[i]! });
  });
  return { ok: true, value: annotations };
}

/** Keeps a long block to the size limit, centred on where its first figure is. */
function clipAround(text: string, at: number): string {
  const max = LIMITS.blockChars;
  if (text.length <= max) return text;
  const from = Math.max(0, Math.min(at - max / 2, text.length - max));
  return text.slice(from, from + max);
}
