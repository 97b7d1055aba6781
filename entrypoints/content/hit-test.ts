import type { Annotation } from './annotation';

/** Annotations by each text node they touch, so a pointer position or a changed node is resolved without a scan. */
export type NodeIndex = Map<Node, Annotation[]>;

/** The annotation under the viewport point (x, y), if the pointer is on its text. */
export function annotationAt(doc: Document, index: NodeIndex, x: number, y: number): Annotation | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  for (const a of index.get(caret.node) ?? []) {
    if (!a.range.isPointInRange(caret.node, caret.offset)) continue;
    for (const rect of a.range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return a;
    }
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
