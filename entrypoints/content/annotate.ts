import { recognize } from '../../data/recognize';
import { sentenceAround } from '../../data/text/sentence';
import { LIMITS, type AnnotateRequest, type FigureQuery, type Result } from '../../data/schema/messages';
import type { Figure } from '../../data/schema/figure';
import type { Verdict } from '../../data/schema/verdict';
import { collectBlocks, rangeFor, type TextBlock } from './blocks';
import type { Annotation } from './annotation';

/** Sends one batch to the background and returns its verdicts. */
export type AskVerdicts = (request: AnnotateRequest) => Promise<Result<Verdict[]>>;

/**
 * One annotation pass over `root`: collect text blocks, recognise figures, ask the background
 * once for all verdicts, and return the annotations in document order.
 */
export async function annotate(root: Node, page: { url: string; title: string }, ask: AskVerdicts, isOwnUi: (el: Element) => boolean): Promise<Result<Annotation[]>> {
  const blocks = collectBlocks(root, isOwnUi);
  const found: { block: TextBlock; figure: Figure }[] = [];
  const sentBlocks: string[] = [];
  const figures: FigureQuery[] = [];
  for (const block of blocks) {
    const inBlock = recognize(block.text);
    if (inBlock.length === 0) continue;
    const blockIndex = sentBlocks.length;
    sentBlocks.push(clipAround(block.text, inBlock[0]!.start));
    for (const figure of inBlock) {
      if (figures.length >= LIMITS.figuresPerBatch) break;
      const { sentence, at } = sentenceAround(block.text, figure.start, figure.end, LIMITS.sentenceChars);
      figures.push({ figure, sentence, at, block: blockIndex });
      found.push({ block, figure });
    }
  }
  if (figures.length === 0) return { ok: true, value: [] };
  const answer = await ask({ type: 'annotate', url: page.url.slice(0, 2_000), title: page.title.slice(0, LIMITS.titleChars), blocks: sentBlocks, figures });
  if (!answer.ok) return answer;
  if (answer.value.length !== found.length) return { ok: false, error: 'The background answered for a different number of figures.' };
  const annotations = found.map(({ block, figure }, index) => ({
    index,
    range: rangeFor(block, figure.start, figure.end),
    figure,
    verdict: answer.value[index]!,
  }));
  return { ok: true, value: annotations };
}

/** Keeps a long block to the size limit, centred on where its first figure is. */
function clipAround(text: string, at: number): string {
  const max = LIMITS.blockChars;
  if (text.length <= max) return text;
  const from = Math.max(0, Math.min(at - max / 2, text.length - max));
  return text.slice(from, from + max);
}
