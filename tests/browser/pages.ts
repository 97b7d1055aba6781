import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** The project's own demo article. */
export const demoArticle = readFileSync(resolve(root, 'demo/article.html'), 'utf8');

/** The real article the product was conceived from, when ../shared is there (CI has it). */
export const sharedArticlePath = resolve(root, '../shared/articles/openai-amazon-deal.txt');
export const hasSharedArticle = existsSync(sharedArticlePath);

/** Renders a plain-text article (title line, blank-line paragraphs) as an HTML page. */
export function textArticleToHtml(text: string): string {
  const [title = '', ...rest] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><article><h1>${escape(title)}</h1>${rest
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n')}</article></body></html>`;
}

/** A page that records its own body markup before any extension runs, to prove nothing changed. */
export const snapshotPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenAI and Amazon deal notes</title></head>
<body>
<p>Amazon agreed to invest <b>$50</b> <i>billion</i> in OpenAI, beginning with an initial <a href="#tranche" id="tranche-link">$15 billion</a> payment.</p>
<p>OpenAI's funding round closed at $110 billion.</p>
<p><input value="$99 billion" aria-label="not scanned"> <code>$12 billion</code></p>
<div contenteditable="true">Draft: Amazon pays $44 billion to OpenAI.</div>
<script>document.addEventListener('DOMContentLoaded', () => { window.__before = document.body.innerHTML; window.__beforeText = document.body.innerText; });</script>
</body></html>`;
