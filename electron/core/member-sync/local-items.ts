// Each kind of synced data as fields, read from and written to its own data
// module: annotations (with their selectors and anchoring), collections (with
// one field per item and per item's note, so adding different records on two
// devices merges), saved searches, and the settings a person wants on every
// computer. Every decrypted item passes its kind's zod schema before it
// touches the store.
import { z } from 'zod';
import { ANNOTATABLE_TYPES, annotationColor } from '../../../shared/annotations';
import { contentType, isoDateTime } from '../../../shared/content';
import type { MemberSyncKind } from '../../../shared/member-sync';
import { settingsSchema, type Settings } from '../../../shared/sync';
import type { AnnotationTable } from '../db/user/annotations';
import type { CollectionTable } from '../db/user/collections';
import type { SavedSearchTable } from '../db/user/saved-searches';
import type { SettingsStore } from '../settings/settings-store';
import type { Json, LocalValues } from './documents';

/**
 * The settings that follow the person: the interface's language, the theme and
 * whether Home's "Start here" was dismissed. Not synced, because they belong to
 * one computer or one network: the portal address and the insecure-portal
 * permission, the attachment policy (disk space), the sync interval, the
 * update channel (an installation's choice), the data folder and window size
 * (which are not settings of the core at all).
 */
export const SYNCED_SETTINGS = ['interfaceLanguage', 'theme', 'startHereDismissed'] as const satisfies ReadonlyArray<keyof Settings>;

/** The one local id of the settings item. */
export const SETTINGS_LOCAL_ID = 'settings';

export interface LocalKind {
  /** The item's fields as the local tables have them; null when it does not exist here. */
  read(localId: string): LocalValues | null;
  /** Writes the fields into the local tables (null: deletes the item). Runs inside the merge's transaction. */
  write(localId: string, values: LocalValues | null): void;
  /** Checks a decrypted item's fields; throws a zod error for anything else. */
  validate(values: LocalValues): void;
  /** Free texts: edited on two devices at once, both are kept for the member to merge. */
  isText(field: string): boolean;
  /** What the member recognises the item by. */
  title(values: LocalValues): string;
}

const json = z.json();
const tags = z.array(z.string().max(200)).max(200);
const note = z.string().max(20_000);
const annotationFields = z
  .object({
    target: z.object({ type: z.enum(ANNOTATABLE_TYPES), id: z.string().min(1), key: z.string().max(64).nullable() }).strict(),
    anchor: z.object({ version: z.number().int().nonnegative(), textHash: z.string(), selector: json, orphaned: z.boolean(), anchoring: json }).strict(),
    madeOn: json,
    review: z.object({ reviewed: json, textChanged: z.boolean() }).strict(),
    note,
    color: annotationColor,
    tags,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .strict();

const parseJsonColumn = (text: string): Json => {
  try {
    return json.parse(JSON.parse(text));
  } catch {
    return text;
  }
};
const jsonColumn = (value: Json | undefined): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

/** The first `exact` quote in a selector, for the conflict list. */
function quoteOf(selector: Json | undefined): string | undefined {
  if (Array.isArray(selector)) return selector.map(quoteOf).find((quote) => quote !== undefined);
  if (!selector || typeof selector !== 'object') return undefined;
  if (typeof selector.exact === 'string') return selector.exact;
  return Object.values(selector).map(quoteOf).find((quote) => quote !== undefined);
}

export function annotationKind(table: AnnotationTable): LocalKind {
  return {
    read(localId) {
      const row = table.get(localId);
      if (!row) return null;
      return {
        target: { type: row.target_type, id: row.target_id, key: row.target_key },
        anchor: { version: row.target_version, textHash: row.text_hash, selector: parseJsonColumn(row.selector), orphaned: row.orphaned === 1, anchoring: parseJsonColumn(row.anchoring) },
        madeOn: parseJsonColumn(row.made_on),
        review: { reviewed: parseJsonColumn(row.reviewed), textChanged: row.text_changed === 1 },
        note: row.note,
        color: row.color,
        tags: parseJsonColumn(row.tags),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
    write(localId, values) {
      if (values === null) {
        table.delete(localId);
        return;
      }
      const fields = annotationFields.parse(values);
      table.upsert({
        id: localId,
        target_type: fields.target.type,
        target_id: fields.target.id,
        target_key: fields.target.key,
        target_version: fields.anchor.version,
        text_hash: fields.anchor.textHash,
        selector: jsonColumn(fields.anchor.selector),
        orphaned: fields.anchor.orphaned ? 1 : 0,
        anchoring: jsonColumn(fields.anchor.anchoring),
        made_on: jsonColumn(fields.madeOn),
        reviewed: jsonColumn(fields.review.reviewed),
        text_changed: fields.review.textChanged ? 1 : 0,
        note: fields.note,
        color: fields.color,
        tags: JSON.stringify(fields.tags),
        created_at: fields.createdAt,
        updated_at: fields.updatedAt,
      });
    },
    validate: (values) => void annotationFields.parse(values),
    isText: (field) => field === 'note',
    title(values) {
      const parsed = annotationFields.partial().safeParse(values);
      const anchor = parsed.success ? parsed.data.anchor : undefined;
      return quoteOf(anchor?.selector) ?? (parsed.success && parsed.data.target ? `${parsed.data.target.type} ${parsed.data.target.id}` : 'Annotation');
    },
  };
}

// A collection's fields: its name, note and dates, `item:<type>/<id>` per record in it and `itemNote:<type>/<id>` per item's note.
const ITEM = 'item:';
const ITEM_NOTE = 'itemNote:';
const itemKey = (type: string, id: string) => `${type}/${id}`;
const collectionBase = z.object({ name: z.string().trim().min(1).max(200), note, createdAt: isoDateTime, updatedAt: isoDateTime }).strict();
const collectionItem = z.object({ addedAt: isoDateTime }).strict();
const collectionItemKey = z.string().regex(/^[a-z-]+\/.+$/).transform((key) => {
  const slash = key.indexOf('/');
  return { type: contentType.parse(key.slice(0, slash)), id: key.slice(slash + 1) };
});

function splitCollection(values: LocalValues) {
  const base: Record<string, Json> = {};
  const items = new Map<string, { addedAt: string; note: string }>();
  const notes = new Map<string, string>();
  for (const [field, value] of Object.entries(values)) {
    if (field.startsWith(ITEM)) items.set(field.slice(ITEM.length), { ...collectionItem.parse(value), note: '' });
    else if (field.startsWith(ITEM_NOTE)) notes.set(field.slice(ITEM_NOTE.length), note.parse(value));
    else base[field] = value;
  }
  for (const [key, text] of notes) {
    const item = items.get(key);
    if (item) item.note = text;
  }
  for (const key of items.keys()) collectionItemKey.parse(key);
  return { base: collectionBase.parse(base), items };
}

/** A name no other collection (or saved search) has: the one with the greater id gives way, the same on every device. */
function freeName(name: string, taken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}

export function collectionKind(table: CollectionTable): LocalKind {
  return {
    read(localId) {
      const row = table.byId(localId);
      if (!row) return null;
      const values: LocalValues = { name: row.name, note: row.note, createdAt: row.created_at, updatedAt: row.updated_at };
      for (const item of table.items(localId)) {
        const key = itemKey(item.item_type, item.item_id);
        values[`${ITEM}${key}`] = { addedAt: item.added_at };
        if (item.note !== '') values[`${ITEM_NOTE}${key}`] = item.note;
      }
      return values;
    },
    write(localId, values) {
      if (values === null) {
        table.deleteById(localId);
        return;
      }
      const { base, items } = splitCollection(values);
      let name = base.name;
      const holder = table.byName(name);
      if (holder && holder.id !== localId) {
        if (holder.id > localId) table.upsert({ ...holder, name: freeName(name, (candidate) => table.exists(candidate)) });
        else name = freeName(name, (candidate) => table.exists(candidate));
      }
      table.upsert({ id: localId, name, note: base.note, created_at: base.createdAt, updated_at: base.updatedAt });
      const present = new Set<string>();
      for (const item of table.items(localId)) {
        const key = itemKey(item.item_type, item.item_id);
        const wanted = items.get(key);
        if (!wanted) table.removeItem(localId, item.item_type, item.item_id);
        else if (wanted.note !== item.note) table.setItemNote(localId, item.item_type, item.item_id, wanted.note);
        present.add(key);
      }
      for (const [key, item] of items) {
        if (present.has(key)) continue;
        const { type, id } = collectionItemKey.parse(key);
        table.addItem(localId, type, id, item.note, item.addedAt);
      }
    },
    validate: (values) => void splitCollection(values),
    isText: (field) => field === 'note' || field.startsWith(ITEM_NOTE),
    title: (values) => (typeof values.name === 'string' ? values.name : 'Collection'),
  };
}

const savedSearchFields = z.object({ name: z.string().trim().min(1).max(200), query: z.string().min(1).max(100_000), createdAt: isoDateTime }).strict();

/** `seenVersion`: where a saved search that arrives from another device counts its new matches from (this library's cursor). */
export function savedSearchKind(table: SavedSearchTable, seenVersion: () => number): LocalKind {
  return {
    read(localId) {
      const row = table.byId(localId);
      return row ? { name: row.name, query: row.query, createdAt: row.created_at } : null;
    },
    write(localId, values) {
      if (values === null) {
        table.delete(localId);
        return;
      }
      const fields = savedSearchFields.parse(values);
      let name = fields.name;
      const holder = table.byName(name);
      const taken = (candidate: string) => table.byName(candidate) !== undefined;
      if (holder && holder.id !== localId) {
        if (holder.id > localId) table.setNameAndQuery(holder.id, freeName(name, taken), holder.query);
        else name = freeName(name, taken);
      }
      if (table.byId(localId)) table.setNameAndQuery(localId, name, fields.query);
      else table.insert({ id: localId, name, query: fields.query, seen_version: seenVersion(), created_at: fields.createdAt });
    },
    validate: (values) => void savedSearchFields.parse(values),
    isText: () => false,
    title: (values) => (typeof values.name === 'string' ? values.name : 'Saved search'),
  };
}

const syncedSettings = settingsSchema.pick({ interfaceLanguage: true, theme: true, startHereDismissed: true }).partial().strict();

export function settingsKind(settings: SettingsStore): LocalKind {
  return {
    read() {
      const current = settings.get();
      const values: LocalValues = {};
      for (const name of SYNCED_SETTINGS) values[name] = current[name];
      return values;
    },
    write(_localId, values) {
      if (values === null) return; // The settings are never deleted.
      const patch = syncedSettings.parse(values);
      const current = settings.get();
      if (SYNCED_SETTINGS.some((name) => patch[name] !== undefined && patch[name] !== current[name])) settings.update(patch);
    },
    validate: (values) => void syncedSettings.parse(values),
    isText: () => false,
    title: () => 'Settings',
  };
}

export type LocalKinds = Record<MemberSyncKind, LocalKind>;
