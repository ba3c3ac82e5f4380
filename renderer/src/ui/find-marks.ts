// A find's matches marked in rendered text: each text node holding a match is
// replaced by new text nodes and <mark>s made with the DOM (never HTML), and
// put back exactly as it was (the same node, which React or an annotation
// index may hold) when the marks go. Matches are found within one text node.
import { findMatches } from './find-text';

/** Where marks were put: each original text node and the nodes standing in for it meanwhile. */
export interface FindMarks {
  marks: HTMLElement[];
  replaced: Array<{ original: Text; parts: Node[] }>;
}

/** The nodes standing in for one original text node share a group: there is no tag between them in the content. */
const groupOf = new WeakMap<Node, number>();
let groups = 0;

/** The group of text nodes a node belongs to (pieces of one text node the marks split), or undefined for any other node. */
export function findPieceGroup(node: Node): number | undefined {
  return groupOf.get(node);
}

/** Marks every match of `pattern` in the text under `root` (as `<mark class="body-match">`), in document order. */
export function markMatches(root: HTMLElement, pattern: RegExp | null): FindMarks {
  const found: FindMarks = { marks: [], replaced: [] };
  if (!pattern) return found;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const original of texts) {
    const matches = findMatches(original.data, pattern);
    if (matches.length === 0) continue;
    const group = (groups += 1);
    const parts: Node[] = [];
    const piece = (text: string) => {
      const node = document.createTextNode(text);
      groupOf.set(node, group);
      return node;
    };
    let at = 0;
    for (const match of matches) {
      if (match.start > at) parts.push(piece(original.data.slice(at, match.start)));
      const mark = document.createElement('mark');
      mark.className = 'body-match';
      mark.append(piece(original.data.slice(match.start, match.end)));
      parts.push(mark);
      found.marks.push(mark);
      at = match.end;
    }
    if (at < original.data.length) parts.push(piece(original.data.slice(at)));
    original.replaceWith(...parts);
    found.replaced.push({ original, parts });
  }
  return found;
}

/** Puts every original text node back in place of its marks. */
export function unmark(found: FindMarks): void {
  for (const { original, parts } of found.replaced) {
    const first = parts[0];
    if (first?.parentNode) first.parentNode.insertBefore(original, first);
    for (const part of parts) part.parentNode?.removeChild(part);
  }
  found.marks = [];
  found.replaced = [];
}
