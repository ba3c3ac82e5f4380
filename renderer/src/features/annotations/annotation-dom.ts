// Between rendered content and the plain text annotations are made on: DOM
// ranges ↔ character offsets, and the highlights, drawn with the CSS Custom
// Highlight API so the sanitized HTML is never rewritten.
import type { AnnotationColor } from '../../../../shared/annotations';
import { findPieceGroup } from '../../ui/find-marks';
import { foldTextNodes, trimSpan, type FoldedText } from './text-fold';

export interface TextIndex extends FoldedText {
  nodes: Text[];
}

export function indexText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  // The pieces of one text node that a find's <mark>s split stand for one text: no tag, so no blank, between them.
  const joined = nodes.map((node, i) => i > 0 && findPieceGroup(node) !== undefined && findPieceGroup(node) === findPieceGroup(nodes[i - 1]!));
  return { ...foldTextNodes(nodes.map((node) => node.data), joined), nodes };
}

/** The DOM range of characters start–end of the folded text (blanks at the ends left out); null when empty. */
export function rangeOf(index: TextIndex, start: number, end: number): Range | null {
  const span = trimSpan(index.text, Math.max(0, start), Math.min(end, index.text.length));
  if (span.end <= span.start) return null;
  if (span.end > index.nodeOf.length) return null; // Past what the index maps: not drawn rather than drawn wrong.
  const range = document.createRange();
  range.setStart(index.nodes[index.nodeOf[span.start]!]!, index.offsetOf[span.start]!);
  range.setEnd(index.nodes[index.nodeOf[span.end - 1]!]!, index.offsetOf[span.end - 1]! + 1);
  return range;
}

/** The first character of the folded text at or after a DOM point (the text's length when none is). */
function indexAtOrAfter(index: TextIndex, container: Node, offset: number): number {
  const probe = document.createRange();
  probe.setStart(container, offset);
  let low = 0;
  let high = index.text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const position = probe.comparePoint(index.nodes[index.nodeOf[middle]!]!, index.offsetOf[middle]!);
    if (position >= 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The folded-text span a DOM range covers; null when it covers no character of the text. */
export function spanOf(index: TextIndex, range: Range): { start: number; end: number } | null {
  const span = trimSpan(index.text, indexAtOrAfter(index, range.startContainer, range.startOffset), indexAtOrAfter(index, range.endContainer, range.endOffset));
  return span.end > span.start ? span : null;
}

/** The folded-text position under a point on the screen, or null. */
export function indexAtPoint(index: TextIndex, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (!caret) return null;
  const at = indexAtOrAfter(index, caret.offsetNode, caret.offset);
  return at < index.text.length ? at : null;
}

// ── Highlights ──

export interface PaintedAnnotation {
  id: string;
  color: AnnotationColor;
  range: Range;
}

/** The id the passage chosen for a new annotation is painted under. */
export const PENDING_ID = 'pending';

const painted = new Map<string, PaintedAnnotation[]>();
let activeId: string | null = null;
const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

function repaint(): void {
  if (!supported()) return;
  const byName = new Map<string, Range[]>();
  for (const list of painted.values()) {
    for (const item of list) {
      const name = item.id === PENDING_ID ? 'ewsi-annotation-pending' : item.id === activeId ? 'ewsi-annotation-active' : `ewsi-annotation-${item.color}`;
      byName.set(name, [...(byName.get(name) ?? []), item.range]);
    }
  }
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith('ewsi-annotation-') && !byName.has(name)) CSS.highlights.delete(name);
  for (const [name, ranges] of byName) CSS.highlights.set(name, new Highlight(...ranges));
}

/** Replaces the highlights of one area of the page (one annotatable text). */
export function paintArea(area: string, items: PaintedAnnotation[]): void {
  if (items.length === 0) painted.delete(area);
  else painted.set(area, items);
  repaint();
}

/** The annotation drawn as the current one (chosen in the sidebar or clicked), or none. */
export function paintActive(id: string | null): void {
  activeId = id;
  repaint();
}

/** The range an annotation is painted on, if it is on the page. */
export function paintedRange(id: string): Range | null {
  for (const list of painted.values()) for (const item of list) if (item.id === id) return item.range;
  return null;
}
