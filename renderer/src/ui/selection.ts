// The rows a user selected in a list of any length, as sorted, disjoint,
// non-touching ranges of positions [start, end): selecting all of 100,000
// rows is one range, and a range can name rows whose data is not loaded yet.

export type Selection = ReadonlyArray<readonly [number, number]>;

export const NO_SELECTION: Selection = [];

export function selectionSize(selection: Selection): number {
  return selection.reduce((sum, [start, end]) => sum + end - start, 0);
}

export function isSelected(selection: Selection, index: number): boolean {
  // Few ranges in practice (one per Shift+click or Ctrl+click): a scan is enough.
  return selection.some(([start, end]) => index >= start && index < end);
}

/** The selection with rows start … end-1 added. */
export function withRange(selection: Selection, start: number, end: number): Selection {
  if (end <= start) return selection;
  const merged: Array<readonly [number, number]> = [];
  let next: readonly [number, number] = [start, end];
  let placed = false;
  for (const range of selection) {
    if (range[1] < next[0]) merged.push(range);
    else if (range[0] > next[1]) {
      if (!placed) merged.push(next);
      placed = true;
      merged.push(range);
    } else next = [Math.min(range[0], next[0]), Math.max(range[1], next[1])];
  }
  if (!placed) merged.push(next);
  return merged;
}

/** The selection with rows start … end-1 taken out. */
export function withoutRange(selection: Selection, start: number, end: number): Selection {
  if (end <= start) return selection;
  return selection.flatMap(([from, to]): Array<readonly [number, number]> => {
    if (to <= start || from >= end) return [[from, to]];
    return [
      ...(from < start ? [[from, start] as const] : []),
      ...(to > end ? [[end, to] as const] : []),
    ];
  });
}

export function toggled(selection: Selection, index: number): Selection {
  return isSelected(selection, index) ? withoutRange(selection, index, index + 1) : withRange(selection, index, index + 1);
}

/** Rows from `a` to `b` in either order, both included. */
export function withSpan(selection: Selection, a: number, b: number): Selection {
  return withRange(selection, Math.min(a, b), Math.max(a, b) + 1);
}

/** Whether every one of `total` rows is selected. */
export function selectsAll(selection: Selection, total: number): boolean {
  return total > 0 && selection.length === 1 && selection[0]![0] === 0 && selection[0]![1] >= total;
}

/** The selected positions in order. */
export function* selectedIndices(selection: Selection): Generator<number> {
  for (const [start, end] of selection) for (let index = start; index < end; index += 1) yield index;
}
