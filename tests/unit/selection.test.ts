// The list selection's ranges against the plainest model of a selection, a
// set of positions: any sequence of clicks, spans and removals gives the same
// rows, and the ranges stay sorted, disjoint and non-touching.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSelected, NO_SELECTION, selectedIndices, selectionSize, selectsAll, toggled, withoutRange, withRange, withSpan, type Selection } from '../../renderer/src/ui/selection';

const SIZE = 60;
type Step = { op: 'toggle'; index: number } | { op: 'span'; a: number; b: number } | { op: 'add' | 'remove'; start: number; end: number };
const position = fc.integer({ min: 0, max: SIZE - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('toggle' as const), index: position }),
  fc.record({ op: fc.constant('span' as const), a: position, b: position }),
  fc.record({ op: fc.constantFrom('add' as const, 'remove' as const), start: position, end: fc.integer({ min: 0, max: SIZE }) }),
);

function apply(selection: Selection, model: Set<number>, s: Step): Selection {
  const span = (from: number, to: number, add: boolean) => {
    for (let i = from; i < to; i += 1) {
      if (add) model.add(i);
      else model.delete(i);
    }
  };
  switch (s.op) {
    case 'toggle':
      if (model.has(s.index)) model.delete(s.index);
      else model.add(s.index);
      return toggled(selection, s.index);
    case 'span':
      span(Math.min(s.a, s.b), Math.max(s.a, s.b) + 1, true);
      return withSpan(selection, s.a, s.b);
    case 'add':
      span(s.start, s.end, true);
      return withRange(selection, s.start, s.end);
    case 'remove':
      span(s.start, s.end, false);
      return withoutRange(selection, s.start, s.end);
  }
}

describe('list selection ranges', () => {
  it('select exactly the rows a set of positions would, in sorted, disjoint, non-touching ranges', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const model = new Set<number>();
        let selection = NO_SELECTION;
        for (const s of steps) selection = apply(selection, model, s);
        expect([...selectedIndices(selection)]).toEqual([...model].sort((a, b) => a - b));
        expect(selectionSize(selection)).toBe(model.size);
        for (let i = 0; i < SIZE; i += 1) expect(isSelected(selection, i)).toBe(model.has(i));
        for (let r = 0; r < selection.length; r += 1) {
          expect(selection[r]![0]).toBeLessThan(selection[r]![1]);
          if (r > 0) expect(selection[r - 1]![1]).toBeLessThan(selection[r]![0]);
        }
        expect(selectsAll(selection, SIZE)).toBe(model.size === SIZE);
      }),
    );
  });

  it('holds every row of a long list as one range', () => {
    const all = withRange(NO_SELECTION, 0, 100_000);
    expect(all).toEqual([[0, 100_000]]);
    expect(selectsAll(all, 100_000)).toBe(true);
    const less = toggled(all, 500);
    expect(less).toEqual([
      [0, 500],
      [501, 100_000],
    ]);
    expect(selectionSize(less)).toBe(99_999);
    expect(selectsAll(less, 100_000)).toBe(false);
  });
});
