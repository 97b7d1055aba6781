/** A run of text nodes that read as one paragraph, joined so figures split by tags are found. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  /** The nearest non-inline ancestor: the paragraph this text reads as. */
  owner: Element | null;
}

/** Elements whose text is never a reader's article text (by `localName`, which is lowercase and costs no allocation). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'canvas', 'iframe', 'object', 'head', 'title',
]);

/** Elements that flow inside a line: their text belongs to the surrounding block. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'del', 'label',
  'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'nobr',
]);

/** Nodes the walk visits at most between two things it yields (a block, or null to let the caller look at the clock). */
const NODES_PER_STEP = 1024;

/**
 * Yields the readable text under `root` as blocks, one at a time so a caller can stop between
 * blocks to keep tasks short, and null after every NODES_PER_STEP nodes visited without one (a
 * page of 100,000 empty elements, or one paragraph of 100,000 inline ones, is no long task).
 * Skips scripts, form fields, code, editable regions, `hidden` subtrees, and any element for
 * which `isOwnUi` is true (`shownIn` tells if a block is rendered).
 *
 * `from` starts the walk at that element, not at the top of `root` (it reads on to the end of
 * `root`). It must be a non-inline element the walk would enter, inside ones it enters, so the
 * blocks read from there are the whole walk's blocks.
 */
export function* walkBlocks(root: Node, isOwnUi: (el: Element) => boolean, from?: Element): Generator<TextBlock | null> {
  const doc = root.ownerDocument ?? (root as Document);
  // No filter callback: calling into script for every node cost several times the walk itself on
  // long pages. Rejected subtrees are stepped over with nextSibling/parentNode instead.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  if (from) walker.currentNode = from;
  // Set whenever the walk enters a non-inline element: the next text starts a new block.
  let boundary = true;
  let current: TextBlock | undefined;
  let currentOwner: Element | null = null;
  // Sibling text nodes share a parent, hence an owner: look it up once per parent.
  let lastParent: Element | null = null;
  let lastOwner: Element | null = null;
  let node = from ?? walker.nextNode();
  let visited = 0;
  while (node) {
    if (++visited === NODES_PER_STEP) {
      visited = 0;
      yield null;
      lastParent = null;
    }
    if (node.nodeType !== Node.TEXT_NODE) {
      const el = node as Element;
      const tag = el.localName;
      if (isSkipped(el, isOwnUi)) {
        node = nextOutside(walker);
        continue;
      }
      if (!INLINE.has(tag)) boundary = true;
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    node = walker.nextNode();
    // Read once: a text node may hold 50 MB, and a read may copy it.
    const data = text.data;
    if (data.length === 0) continue;
    if (text.parentElement !== lastParent) {
      lastParent = text.parentElement;
      lastOwner = blockOwner(text);
    }
    const owner = lastOwner;
    if (!current || boundary || owner !== currentOwner) {
      // Whitespace between paragraphs ("\n  ") would only open a block with no words in it.
      if (!hasWords(data)) continue;
      if (current) {
        visited = 0;
        yield current;
        lastParent = null; // the page may have changed while the caller yielded to it
      }
      current = { text: '', nodes: [], starts: [], owner };
      currentOwner = owner;
      boundary = false;
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += data;
  }
  if (current) yield current;
}

/** The first node after the walker's current node and all its descendants (null past the root). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * The element whose box shows a block's text, or null when the text is not rendered (display:none,
 * visibility:hidden, content-visibility:hidden). That is the block's paragraph or, when the
 * paragraph is a display:contents wrapper (no box of its own, so never "visible" and never seen
 * by an IntersectionObserver), its nearest ancestor with a box. Asked per block that has figures,
 * not per element while walking: the style lookup was most of the walk's cost on long pages, and
 * most blocks have no figures.
 */
export function shownIn(block: TextBlock): Element | null {
  let el: Element | null = block.owner ?? block.nodes[0]!.parentElement;
  if (!el || typeof el.checkVisibility !== 'function') return el;
  while (el && !el.checkVisibility({ visibilityProperty: true })) {
    if (getComputedStyle(el).display !== 'contents') return null;
    el = el.parentElement;
  }
  return el;
}

/**
 * The block without text the reader cannot see: text nodes inside an inline element that is not
 * rendered, transparent, or sized to nothing (a hidden "about " or "post-money" must not change a
 * verdict). Answers the block itself when everything shows. Asked only of blocks with figures.
 */
export function visibleText(block: TextBlock, owner: Element): TextBlock {
  const hidden = new Map<Element, boolean>();
  const isHidden = (el: Element): boolean => {
    let answer = hidden.get(el);
    if (answer === undefined) {
      const style = getComputedStyle(el);
      answer =
        (typeof el.checkVisibility === 'function' && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) ||
        style.fontSize === '0px' ||
        style.color === 'transparent' ||
        style.color === 'rgba(0, 0, 0, 0)';
      hidden.set(el, answer);
    }
    return answer;
  };
  const shown = (node: Text): boolean => {
    for (let el = node.parentElement; el && el !== owner && el !== block.owner; el = el.parentElement) if (isHidden(el)) return false;
    return true;
  };
  if (block.nodes.every((n) => n.parentElement === owner || n.parentElement === block.owner || shown(n))) return block;
  const visible: TextBlock = { text: '', nodes: [], starts: [], owner: block.owner };
  for (const node of block.nodes) {
    if (!shown(node)) continue;
    visible.starts.push(visible.text.length);
    visible.nodes.push(node);
    visible.text += node.data;
  }
  return visible;
}

/**
 * Whether `node` lies inside (or is) what a walk never reads: a script, form field, code, `hidden`
 * element, editable region or our own UI. Asked of each root of a partial pass, since the walk
 * itself starts below its root (typing "$30 billion" into an editor must not be read).
 */
export function insideSkipped(node: Node, isOwnUi: (el: Element) => boolean): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, isOwnUi)) return true;
  }
  return false;
}

/** Whether the walk steps over `el` and all it holds (see `walkBlocks`). */
export function isSkipped(el: Element, isOwnUi: (el: Element) => boolean): boolean {
  return SKIPPED.has(el.localName) || el.hasAttribute('hidden') || isOwnUi(el) || isEditable(el);
}

/** How much of a figure's box must lie inside every box that clips it for the reader to see it. */
const SHOWN_SHARE = 0.5;

/**
 * The figures of a block the reader can see: those not cut off by a box that clips its content
 * (overflow hidden or clip, such as a truncated teaser or screen-reader-only text) with the
 * figure outside the box's visible area. Clipped figures are not annotated, so the popup never
 * lists what the page cannot show. A scroll container stops the search (its content can be
 * scrolled into view), and html and body are left out (their overflow belongs to the viewport).
 * Costs one style read per ancestor, cached for the pass in `styles`; ranges are measured only
 * inside a clipping box.
 */
export function unclipped<F extends { start: number; end: number }>(block: TextBlock, owner: Element, figures: F[], styles: Map<Element, number>): F[] {
  const doc = owner.ownerDocument;
  return figures.filter((figure) => {
    const clips: Element[] = [];
    for (let el = block.nodes[nodeAt(block, figure.start, false)]!.parentElement; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
      let kind = styles.get(el);
      if (kind === undefined) {
        const { overflowX, overflowY } = getComputedStyle(el);
        const scrolls = overflowX === 'auto' || overflowX === 'scroll' || overflowY === 'auto' || overflowY === 'scroll';
        kind = scrolls ? 4 : (overflowX === 'hidden' || overflowX === 'clip' ? 1 : 0) | (overflowY === 'hidden' || overflowY === 'clip' ? 2 : 0);
        styles.set(el, kind);
      }
      if (kind === 4) break;
      if (kind) clips.push(el);
    }
    if (clips.length === 0) return true;
    const box = locate(block, figure.start, figure.end).range.getBoundingClientRect();
    let { left, right, top, bottom } = box;
    for (const el of clips) {
      const kind = styles.get(el)!;
      const clip = el.getBoundingClientRect();
      if (kind & 1) [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
      if (kind & 2) [top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)];
    }
    const area = box.width * box.height;
    return area > 0 && Math.max(0, right - left) * Math.max(0, bottom - top) >= SHOWN_SHARE * area;
  });
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
  return INLINE.has(el.localName);
}

/** The nearest ancestor that is not an inline element. */
export function blockOwner(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.localName)) el = el.parentElement;
  return el;
}

/** Maps a UTF-16 offset range of `block.text` back to a DOM Range and the text nodes it spans. */
export function locate(block: TextBlock, start: number, end: number): { range: Range; nodes: Text[] } {
  const range = block.nodes[0]!.ownerDocument!.createRange();
  const first = nodeAt(block, start, false);
  const last = nodeAt(block, end, true);
  // Clamped: the page may have shortened a node while a pass yielded mid-block (the answer's check drops it then).
  range.setStart(block.nodes[first]!, Math.min(start - block.starts[first]!, block.nodes[first]!.length));
  range.setEnd(block.nodes[last]!, Math.min(end - block.starts[last]!, block.nodes[last]!.length));
  // A figure that spans the whole block (one text node, most often) shares its list: 200,000 copies were garbage to collect.
  return { range, nodes: first === 0 && last === block.nodes.length - 1 ? block.nodes : block.nodes.slice(first, last + 1) };
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
