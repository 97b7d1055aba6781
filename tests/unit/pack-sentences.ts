/**
 * For the tests that try one pack on sentences of our own through the real recognizer and
 * matcher (a pack of acquisitions, a pack of power deals).
 */
import { buildIndex, decodeAnnotate, matchBatch, type MatchIndex } from '../../data/match';
import { parsePack } from '../../data/packs';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';

/** The index over one pack fixture, which must parse (`file` names it in the error). */
export function fixtureIndex(raw: unknown, file: string): MatchIndex {
  const parsed = parsePack(raw);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return buildIndex([parsed.value]);
}

/** Each figure the recognizer finds in `sentence` (a paragraph of its own), as "text: verdict [fact]". */
export function sentenceVerdicts(index: MatchIndex, sentence: string, page: { url: string; title: string; published: string }): string[] {
  const figures = recognize(sentence, { locale: 'en' });
  const writer = new AnnotateWriter();
  const at = writer.addBlock(sentence);
  for (const figure of figures) writer.addFigure(at, figure);
  const request = decodeAnnotate(writer.request(page.url, page.title, page.published));
  if (!request.ok) throw new Error(request.error);
  return matchBatch(index, request.value).map((v, i) => `${figures[i]!.text}: ${v.verdict}${v.fact ? ` [${v.fact.id}]` : ''}`);
}
