// The per-field merge of member sync: last writer wins by hybrid logical
// clock with the device id breaking ties; a note changed on both devices keeps
// both texts; an edit after seeing a value always wins over it.
import { describe, expect, it } from 'vitest';
import { capture, conflictsOf, effective, mergeIncoming, resolvedEntry, type FieldEntry, type Fields } from '../../electron/core/member-sync/documents';

const A = { id: 'device-a', name: 'Office' };
const B = { id: 'device-b', name: 'Laptop' };
const names = (id: string) => (id === A.id ? A.name : B.name);
const entry = (value: string | number, clock: number, device: string): FieldEntry => ({ value, clock, device, at: new Date(clock).toISOString() });
const isText = (field: string) => field === 'note';

describe('member sync merge', () => {
  const base: Fields = { note: entry('first', 1000, A.id), color: entry('yellow', 1000, A.id) };

  it('captures local edits with a clock past the value replaced, even when the wall clock is behind', () => {
    const pending = capture(base, {}, { note: 'first', color: 'green' }, B, new Date(500).toISOString());
    expect(pending).toEqual({ color: { value: 'green', clock: 1001, device: B.id, at: new Date(500).toISOString() } });
    expect(capture(base, {}, { note: 'first', color: 'yellow' }, B, new Date(5000).toISOString())).toEqual({});
    // A field gone locally (an item removed from a collection) is a change to null.
    expect(capture(base, {}, { note: 'first' }, B, new Date(2000).toISOString()).color?.value).toBeNull();
  });

  it('keeps the later entry of a simple field, the device id settling equal clocks, and a field only one side changed', () => {
    const mine = { color: entry('green', 2000, A.id) };
    expect(mergeIncoming(base, mine, { ...base, color: entry('blue', 3000, B.id) }, isText, A, '2026-01-01T00:00:00.000Z', names)).toEqual({});
    expect(mergeIncoming(base, mine, { ...base, color: entry('blue', 1500, B.id) }, isText, A, '2026-01-01T00:00:00.000Z', names)).toEqual(mine);
    expect(mergeIncoming(base, mine, { ...base, color: entry('blue', 2000, B.id) }, isText, A, '2026-01-01T00:00:00.000Z', names)).toEqual({});
    expect(mergeIncoming(base, { color: entry('green', 2000, B.id) }, { ...base, color: entry('blue', 2000, A.id) }, isText, B, '2026-01-01T00:00:00.000Z', names)).toEqual({ color: entry('green', 2000, B.id) });
    // The portal changed another field: the local edit stands, the remote field is taken.
    const merged = mergeIncoming(base, mine, { ...base, note: entry('second', 4000, B.id) }, isText, A, '2026-01-01T00:00:00.000Z', names);
    expect(effective({ ...base, note: entry('second', 4000, B.id) }, merged)).toMatchObject({ note: { value: 'second' }, color: { value: 'green' } });
  });

  it('keeps both texts of a note changed on both, later than either, until the member merges them', () => {
    const incoming = { ...base, note: entry('theirs', 3000, B.id) };
    const pending = mergeIncoming(base, { note: entry('mine', 2000, A.id) }, incoming, isText, A, '2026-01-01T00:00:00.000Z', names);
    expect(pending.note).toMatchObject({ value: 'theirs', clock: 3001, device: A.id });
    expect(conflictsOf(effective(incoming, pending))).toEqual([
      {
        field: 'note',
        texts: [
          { text: 'theirs', device: B.id, deviceName: 'Laptop', at: new Date(3000).toISOString() },
          { text: 'mine', device: A.id, deviceName: 'Office', at: new Date(2000).toISOString() },
        ],
      },
    ]);
    // The same text on both is no conflict.
    expect(mergeIncoming(base, { note: entry('same', 2000, A.id) }, { ...base, note: entry('same', 3000, B.id) }, isText, A, '2026-01-01T00:00:00.000Z', names)).toEqual({});
    const resolved = resolvedEntry(pending.note!, 'merged', B, new Date(10).toISOString());
    expect(resolved).toEqual({ value: 'merged', clock: 3002, device: B.id, at: new Date(10).toISOString() });
    expect(conflictsOf({ note: resolved })).toEqual([]);
  });
});
