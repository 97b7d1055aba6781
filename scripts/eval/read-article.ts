/**
 * Reads a saved article (HTML) as the content script would see it, for the evaluation in Node:
 * its paragraphs as text blocks, its title and publication day, and the expectations that
 * `data-expect` spans mark in it (tests/eval/README.md). No layout here, so hidden text is what
 * the `hidden` attribute or an inline display:none / visibility:hidden hides.
 */
import { parseHTML } from 'linkedom';
import { HeadingFinder, sentenceBefore, type HeadingElement } from '../../data/text/headings';
import { pagePublicationDay } from '../../data/text/page-date';

/** An expectation over [start, end) of a block: 'verified:<fact>', 'mismatch:<fact>' or 'unverified'. */
export interface Expectation {
  block: number;
  start: number;
  end: number;
  expect: string;
}

export interface ReadArticle {
  url: string;
  title: string;
  /** The page's language (`<html lang>`), for the recognizer's number formats. */
  lang?: string;
  published?: string;
  blocks: string[];
  /** Each block's heading (the nearest h1-h6 before it, or its list's lead-in), as the content script finds it. */
  headings: (string | undefined)[];
  /** Each block's sentence before it: the last of the paragraph before, as the content script sends it. */
  leads: (string | undefined)[];
  expectations: Expectation[];
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'pre', 'svg', 'head', 'title', 'iframe']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'del', 'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'nobr']);

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** Reads one article's HTML; `name` makes its address when it declares none. */
export function readArticle(html: string, name: string): ReadArticle {
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url = canonical ?? `https://eval.example/${name}`;
  const blocks: string[] = [];
  const headings: (string | undefined)[] = [];
  const leads: (string | undefined)[] = [];
  const finder = new HeadingFinder();
  const expectations: Expectation[] = [];
  let current: string | undefined;
  // The paragraph the current block reads as: its nearest non-inline element.
  let paragraph: Element | undefined;
  let owner: Element | undefined;
  const flush = () => {
    if (current !== undefined && /\S/.test(current)) {
      blocks.push(current);
      headings.push(owner ? finder.of(owner as unknown as HeadingElement) : undefined);
      leads.push(owner ? sentenceBefore(owner as unknown as HeadingElement, (el) => !isHidden(el as unknown as Element)) : undefined);
    }
    current = undefined;
  };
  const visit = (node: Node, expect: string | undefined): void => {
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      if (current === undefined) {
        if (!/\S/.test(text)) return;
        current = '';
        owner = paragraph;
      }
      const start = current.length;
      current += text;
      if (expect) expectations.push({ block: blocks.length, start, end: current.length, expect });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIPPED.has(tag) || isHidden(el)) return;
    const inline = INLINE.has(tag);
    if (!inline) flush();
    const outer = paragraph;
    if (!inline) paragraph = el;
    const own = el.getAttribute('data-expect') ?? expect;
    for (const child of Array.from(el.childNodes)) visit(child, own);
    if (!inline) flush();
    paragraph = outer;
  };
  visit(document.body, undefined);
  flush();
  // Adjacent pieces of one span (text split by markup inside it) are one expectation.
  const merged: Expectation[] = [];
  for (const e of expectations) {
    const last = merged[merged.length - 1];
    if (last && last.block === e.block && last.end === e.start && last.expect === e.expect) last.end = e.end;
    else merged.push({ ...e });
  }
  const lang = document.documentElement.getAttribute('lang') ?? undefined;
  return { url, title: document.title ?? '', lang, published: pagePublicationDay(document as unknown as Document, url), blocks, headings, leads, expectations: merged };
}
