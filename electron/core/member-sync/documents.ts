// What an item's plaintext is, and how two versions of it merge. An item is a
// set of fields, each with its value and a hybrid logical clock: the edit's
// wall-clock time in ms, but always past the clock of the value it replaced,
// so an edit made after seeing another wins over it; equal clocks are settled
// by the device id. A free text (a note) changed on two devices at once keeps
// both texts (`conflict`) until the member merges them. Pure functions only.
import { z } from 'zod';
import { isoDateTime } from '../../../shared/content';

export const conflictText = z.object({ text: z.string(), device: z.string(), deviceName: z.string(), at: isoDateTime }).strict();
export type ConflictText = z.infer<typeof conflictText>;

export const fieldEntry = z
  .object({
    value: z.json(),
    clock: z.number().int().nonnegative(),
    device: z.string().min(1),
    at: isoDateTime,
    conflict: z.array(conflictText).min(2).optional(),
  })
  .strict();
export type FieldEntry = z.infer<typeof fieldEntry>;
export type Fields = Record<string, FieldEntry>;
export const fieldsSchema = z.record(z.string().min(1).max(400), fieldEntry);

/** The plaintext sealed into one item: its local id (the wire id is its keyed hash) and its fields. */
export const itemDocument = z.object({ format: z.literal(1), localId: z.string().min(1).max(200), fields: fieldsSchema }).strict();
export type ItemDocument = z.infer<typeof itemDocument>;

export type Json = z.infer<ReturnType<typeof z.json>>;
/** A field's value as the local tables have it; null for a field that is absent (an item removed from a collection). */
export type LocalValues = Record<string, Json>;

export interface ThisDevice {
  id: string;
  name: string;
}

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const sameTexts = (a: ConflictText[] | undefined, b: ConflictText[] | undefined) => JSON.stringify((a ?? []).map((t) => t.text).sort()) === JSON.stringify((b ?? []).map((t) => t.text).sort());
const sameEntry = (a: FieldEntry | undefined, b: FieldEntry | undefined) =>
  a === undefined || b === undefined ? a === b : a.clock === b.clock && a.device === b.device && jsonEqual(a.value, b.value) && sameTexts(a.conflict, b.conflict);

/** Which of two entries the merge keeps: the later clock, then the greater device id. */
export function later(a: FieldEntry, b: FieldEntry): FieldEntry {
  if (a.clock !== b.clock) return a.clock > b.clock ? a : b;
  return a.device >= b.device ? a : b;
}

/** What the device shows: the portal's fields overlaid by the local changes not yet pushed. */
export function effective(remote: Fields, pending: Fields): Fields {
  return { ...remote, ...pending };
}

export function valuesOf(fields: Fields): LocalValues {
  const values: LocalValues = {};
  for (const [name, entry] of Object.entries(fields)) if (entry.value !== null) values[name] = entry.value;
  return values;
}

/**
 * Local edits since the item was last merged, as pending field entries: every
 * field whose local value differs from what the device shows. `editedAt` is
 * the edit's time (the journal's); an edit of a conflicted text resolves it.
 */
export function capture(remote: Fields, pending: Fields, local: LocalValues, me: ThisDevice, editedAt: string): Fields {
  const shown = effective(remote, pending);
  const next: Fields = { ...pending };
  const editMs = Date.parse(editedAt);
  for (const name of new Set([...Object.keys(shown), ...Object.keys(local)])) {
    const value = local[name] ?? null;
    const before = shown[name];
    if (jsonEqual(value, before?.value)) continue;
    next[name] = { value, clock: Math.max(editMs, (before?.clock ?? 0) + 1), device: me.id, at: editedAt };
  }
  for (const name of Object.keys(next)) {
    const entry = next[name]!;
    const theirs = remote[name];
    // Nothing to push for a field the portal already has with this value (and no conflict to tell).
    if ((theirs ? jsonEqual(theirs.value, entry.value) : entry.value === null) && sameTexts(theirs?.conflict, entry.conflict)) delete next[name];
  }
  return next;
}

const asConflictTexts = (entry: FieldEntry, deviceName: (id: string) => string): ConflictText[] =>
  entry.conflict ?? [{ text: typeof entry.value === 'string' ? entry.value : '', device: entry.device, deviceName: deviceName(entry.device), at: entry.at }];

/**
 * Merges what the portal now has (`incoming`) with the local changes not yet
 * pushed (`pending`, relative to `base`, what the portal had before). Answers
 * the pending changes that still stand: a field the portal did not change
 * keeps the local edit; one changed on both keeps the later entry, except a
 * free text (`isText`), which keeps both texts as a conflict.
 */
export function mergeIncoming(
  base: Fields,
  pending: Fields,
  incoming: Fields,
  isText: (field: string) => boolean,
  me: ThisDevice,
  now: string,
  deviceName: (id: string) => string,
): Fields {
  const next: Fields = {};
  for (const [name, mine] of Object.entries(pending)) {
    const theirs = incoming[name];
    if (sameEntry(theirs, base[name])) {
      next[name] = mine; // Only this device changed it.
      continue;
    }
    if (theirs && jsonEqual(theirs.value, mine.value) && sameTexts(theirs.conflict, mine.conflict)) continue; // Both reached the same value.
    if (theirs && isText(name) && typeof mine.value === 'string' && typeof theirs.value === 'string') {
      const texts = new Map<string, ConflictText>();
      for (const text of [...asConflictTexts(theirs, deviceName), ...asConflictTexts(mine, deviceName)]) if (!texts.has(text.text)) texts.set(text.text, text);
      if (texts.size >= 2) {
        const winner = later(mine, theirs);
        next[name] = { value: winner.value, clock: Math.max(mine.clock, theirs.clock) + 1, device: me.id, at: now, conflict: [...texts.values()] };
        continue;
      }
    }
    if (theirs && later(theirs, mine) === theirs) continue; // The portal's is later: the local edit gives way.
    next[name] = mine;
  }
  return next;
}

/** The fields whose texts wait for the member to merge them. */
export function conflictsOf(fields: Fields): Array<{ field: string; texts: ConflictText[] }> {
  return Object.entries(fields)
    .filter(([, entry]) => entry.conflict !== undefined)
    .map(([field, entry]) => ({ field, texts: entry.conflict! }));
}

/** The member's choice for a conflicted text: later than every version, without the conflict. */
export function resolvedEntry(current: FieldEntry, text: string, me: ThisDevice, now: string): FieldEntry {
  return { value: text, clock: Math.max(Date.parse(now), current.clock + 1), device: me.id, at: now };
}
