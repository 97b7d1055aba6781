import { blockOwner, isInlineElement as isInline } from './blocks';

/** What a batch of DOM mutations means for the annotations. */
export interface PageChanges {
  /** Subtrees whose text must be read again (none inside another). */
  roots: Node[];
  /** Text nodes whose characters changed: what was shown on them is stale. */
  changedText: Node[];
  /** Whether anything was removed (annotations on removed text must go). */
  removed: boolean;
  /** Whether a stylesheet (`<style>`, `<link rel=stylesheet>`) came or went: hidden text may show now. */
  restyled: boolean;
}

/**
 * Turns mutation records into the smallest set of subtrees to read again. An added paragraph is
 * read alone; a change inside a paragraph re-reads that paragraph; removing whole block elements
 * re-reads nothing.
 */
export function summarize(records: MutationRecord[], ignore: (node: Node) => boolean): PageChanges {
  const roots = new Set<Node>();
  const changedText: Node[] = [];
  let removed = false;
  let restyled = false;
  for (const record of records) {
    if (ignore(record.target)) continue;
    if (record.type === 'characterData') {
      changedText.push(record.target);
      addRoot(roots, blockOwner(record.target));
      continue;
    }
    for (const node of record.addedNodes) {
      restyled ||= isStylesheet(node);
      if (ignore(node)) continue;
      addRoot(roots, node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element) ? node : blockOwner(node));
    }
    if (record.removedNodes.length) {
      removed = true;
      for (const node of record.removedNodes) restyled ||= isStylesheet(node);
      // Removing text or an inline element changes the text of the paragraph it was in.
      for (const node of record.removedNodes) {
        if (node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && isInline(node as Element))) {
          addRoot(roots, isInline(record.target as Element) ? blockOwner(record.target) : record.target);
          break;
        }
      }
    }
  }
  return { roots: outermost(roots), changedText, removed, restyled };
}

/** A `<style>` or `<link rel=stylesheet>` element (an anti-flicker snippet hides the page with one). */
function isStylesheet(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const el = node as Element;
  return el.localName === 'style' || (el.localName === 'link' && /\bstylesheet\b/i.test(el.getAttribute('rel') ?? ''));
}

function addRoot(roots: Set<Node>, node: Node | null): void {
  if (node && node.isConnected) roots.add(node);
}

/** Drops roots that lie inside another root. */
export function outermost(roots: Set<Node>): Node[] {
  return [...roots].filter((node) => {
    for (let p = node.parentNode; p; p = p.parentNode) if (roots.has(p)) return false;
    return true;
  });
}
