/** A run of text nodes that read as one paragraph, joined so figures split by tags are found. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  /** The nearest non-inline ancestor: the paragraph this text reads as. */
  owner: Element | null;
}

/** Elements whose text is never a reader's article text. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE',
]);

/** Elements that flow inside a line: their text belongs to the surrounding block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'LABEL',
  'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'NOBR',
]);

/**
 * Yields the readable text under `root` as blocks, one at a time so a caller can stop between
 * blocks to keep tasks short. Skips scripts, form fields, code, editable regions, `hidden`
 * subtrees, elements that are not rendered, and any element for which `isOwnUi` is true.
 */
export function* walkBlocks(root: Node, isOwnUi: (el: Element) => boolean): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  // No filter callback: calling into script for every node cost several times the walk itself on
  // long pages. Rejected subtrees are stepped over with nextSibling/parentNode instead.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // Set whenever the walk enters a non-inline element: the next text starts a new block.
  let boundary = true;
  let current: TextBlock | undefined;
  let currentOwner: Element | null = null;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType !== Node.TEXT_NODE) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      const inline = INLINE.has(tag);
      if (SKIPPED.has(tag) || el.hasAttribute('hidden') || isOwnUi(el) || isEditable(el) || (!inline && !isRendered(el))) {
        node = nextOutside(walker);
        continue;
      }
      if (!inline) boundary = true;
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    node = walker.nextNode();
    if (text.data.length === 0) continue;
    const owner = blockOwner(text);
    if (!current || boundary || owner !== currentOwner) {
      if (current && hasWords(current.text)) yield current;
      current = { text: '', nodes: [], starts: [], owner };
      currentOwner = owner;
      boundary = false;
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  if (current && hasWords(current.text)) yield current;
}

/** The first node after the walker's current node and all its descendants (null past the root). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** display:none, visibility:hidden and content-visibility:hidden subtrees are not read. */
function isRendered(el: Element): boolean {
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

function hasWords(text: string): boolean {
  return /\S/.test(text);
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

/** Whether an element flows inside a line of its parent's text. */
export function isInlineElement(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

/** The nearest ancestor that is not an inline element. */
export function blockOwner(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/** Maps a UTF-16 offset range of `block.text` back to a DOM Range and the text nodes it spans. */
export function locate(block: TextBlock, start: number, end: number): { range: Range; nodes: Text[] } {
  const range = block.nodes[0]!.ownerDocument!.createRange();
  const first = nodeAt(block, start, false);
  const last = nodeAt(block, end, true);
  range.setStart(block.nodes[first]!, start - block.starts[first]!);
  range.setEnd(block.nodes[last]!, end - block.starts[last]!);
  return { range, nodes: block.nodes.slice(first, last + 1) };
}

/** Index of the node holding `offset`; an end offset may sit at a node's very end. */
function nodeAt(block: TextBlock, offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = block.starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
