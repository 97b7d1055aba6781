/**
 * The eval set's articles as the content script would send them (as scripts/eval.ts builds its
 * requests): each paragraph with its figures, heading and lead, decoded as the background reads them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { decodeAnnotate } from '../../data/match';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { AnnotateRequest, type MatchRequest } from '../../data/schema/messages';
import { readArticle } from '../../scripts/eval/read-article';

const articlesDir = new URL('../eval/articles/', import.meta.url);

/** Every eval article's request, by file name, in name order. */
export function evalArticleRequests(): [string, MatchRequest][] {
  return readdirSync(articlesDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => {
      const article = readArticle(readFileSync(new URL(name, articlesDir), 'utf8'), name);
      const writer = new AnnotateWriter();
      article.blocks.forEach((text, b) => {
        const figures = recognize(text, { locale: article.lang });
        if (!figures.length) return;
        const at = writer.addBlock(text, article.headings[b], article.leads[b]);
        for (const f of figures) writer.addFigure(at, f);
      });
      const decoded = decodeAnnotate(AnnotateRequest.parse(writer.request(article.url, article.title.slice(0, 500), article.published)));
      if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
      return [name, decoded.value];
    });
}
