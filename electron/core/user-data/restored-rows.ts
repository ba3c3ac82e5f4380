// What a row of a backup must be to be restored: each column checked with the
// contract's own schemas (shared/), JSON columns parsed and checked the way the
// app reads them back, so a restored row can never break a screen or be sent
// as something the member did not write. The rows go in as they were stored
// (an outbox payload stays byte-identical), except where restoring changes
// their meaning: an unsent outbox item waits for the member's confirmation,
// and the portal address and update channel stay the ones in use.
import { z } from 'zod';
import { ANNOTATABLE_TYPES, annotationColor, collectionName } from '../../../shared/annotations';
import { contentType, id, isoDateTime } from '../../../shared/content';
import { contract } from '../../../shared/contract';
import { draftSchemas, outboxKind, outboxResultSchema, outboxState, type OutboxPayload, type OutboxState } from '../../../shared/outbox';
import { settingsSchema, type Settings } from '../../../shared/sync';
import type { RestoreResult, UserDataTable } from '../../../shared/user-data';
import { storedAnnotationProblem } from '../annotations/annotations';
import type { SqlRow } from '../db/user/backup';
import { laneOf } from '../outbox/outbox-store';

export type Verdict = { row: SqlRow } | { refused: string };

/** A text column holding JSON that must satisfy `schema`; the text itself is what is kept. */
const json = (schema: z.ZodType) =>
  z.string().superRefine((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return;
    }
    for (const issue of schema.safeParse(value).error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

const count = z.number().int().nonnegative();
const flag = z.union([z.literal(0), z.literal(1)]);
const savedSearchArgs = contract['savedSearches.save'].args.shape;

const rowSchemas = {
  settings: z.object({ key: z.literal('settings'), value: json(z.record(z.string(), z.unknown())), updated_at: z.string() }),
  saved_searches: z.object({ id: z.string().min(1), name: savedSearchArgs.name, query: savedSearchArgs.query, seen_version: count, created_at: z.string().min(1) }),
  annotations: z.object({
    id: z.string().min(1),
    target_type: z.enum(ANNOTATABLE_TYPES),
    target_id: id,
    target_key: z.string().max(64).nullable(),
    target_version: count,
    text_hash: z.string(),
    // Selectors this version cannot read are kept as they are (and never shown), as the annotation service keeps them.
    selector: json(z.unknown()),
    note: z.string().max(20_000),
    color: annotationColor,
    tags: json(z.array(z.string())),
    orphaned: flag,
    anchoring: json(z.unknown()),
    // Absent in a backup made before annotations knew their versions: the migration that follows fills them.
    made_on: z.string().default(''),
    reviewed: z.string().default(''),
    text_changed: flag.default(0),
    created_at: isoDateTime,
    updated_at: isoDateTime,
  }),
  collections: z.object({ id: z.string().min(1), name: collectionName, note: z.string().max(20_000), created_at: isoDateTime, updated_at: isoDateTime }),
  collection_items: z.object({ collection_id: z.string().min(1), item_type: contentType, item_id: id, note: z.string().max(20_000), added_at: isoDateTime }),
  outbox: z.object({
    id: z.string().min(1),
    kind: outboxKind,
    idempotency_key: z.uuid(),
    payload: z.string(),
    state: outboxState,
    attempts: count,
    last_error: z.string().nullable(),
    result: json(outboxResultSchema).nullable(),
    created_at: isoDateTime,
    updated_at: isoDateTime,
    lane: z.string(),
    seq: z.number().int().positive(),
    next_attempt_at: isoDateTime.nullable(),
    delivery_unknown: flag,
    sent_at: isoDateTime.nullable(),
  }),
} satisfies Record<UserDataTable, z.ZodType>;

const describe = (issues: z.core.$ZodIssue[]) =>
  issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`)
    .join('; ');

/** The fields of a stored settings document that this version accepts; the others keep the value in use (as SettingsStore reads a document field by field). */
function validSettings(stored: Record<string, unknown>): Partial<Settings> {
  const valid: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as Array<keyof Settings>) {
    const field = settingsSchema.shape[key].safeParse(stored[key]);
    if (Object.hasOwn(stored, key) && field.success) valid[key] = field.data;
  }
  return settingsSchema.partial().parse(valid);
}

/** States of an item that was still to be sent when the backup was made. */
const UNSENT: readonly OutboxState[] = ['queued', 'sending', 'needs_attention', 'restored'];

/**
 * The settings where the app connects: never taken from a backup without the
 * user's word. The portal and channel are proposed; the permission to use a
 * portal in clear is never restored (the user grants it again in Settings).
 */
const CONNECTION_SETTINGS = ['serverUrl', 'updateChannel', 'allowInsecurePortal'] as const;

/**
 * Checks the rows of one restore against the schemas, and decides what the
 * settings and the outbox become. `current` is the settings in use.
 */
export class RestoredRows {
  private backupSettings: Partial<Settings> | undefined;
  outboxToConfirm = 0;

  constructor(private readonly current: Settings) {}

  check(table: string, row: SqlRow): Verdict {
    if (!Object.hasOwn(rowSchemas, table)) throw new Error(`No restore check for the user table ${table}`);
    const name = table as keyof typeof rowSchemas;
    if (name === 'settings') {
      const parsed = rowSchemas.settings.safeParse(row);
      if (!parsed.success) return { refused: describe(parsed.error.issues) };
      this.backupSettings = validSettings(JSON.parse(parsed.data.value) as Record<string, unknown>);
      return { row: this.settingsRow(parsed.data.updated_at) };
    }
    if (name === 'annotations') {
      const parsed = rowSchemas.annotations.safeParse(row);
      if (!parsed.success) return { refused: describe(parsed.error.issues) };
      const problem = storedAnnotationProblem(parsed.data);
      return problem ? { refused: problem } : { row };
    }
    if (name === 'outbox') {
      const parsed = rowSchemas.outbox.safeParse(row);
      return parsed.success ? this.outboxRow(parsed.data, row) : { refused: describe(parsed.error.issues) };
    }
    const parsed = rowSchemas[name].safeParse(row);
    return parsed.success ? { row } : { refused: describe(parsed.error.issues) };
  }

  /** The settings row to write when the backup had none (or it was refused): the settings in use. */
  settingsWhenAbsent(at: string): SqlRow {
    return this.settingsRow(at);
  }

  /** The backup's connection settings that differ from those in use. */
  settingsToConfirm(): RestoreResult['settingsToConfirm'] {
    const proposals: RestoreResult['settingsToConfirm'] = {};
    const backup = this.backupSettings;
    if (backup?.serverUrl && backup.serverUrl !== this.current.serverUrl) proposals.serverUrl = { current: this.current.serverUrl, backup: backup.serverUrl };
    if (backup?.updateChannel && backup.updateChannel !== this.current.updateChannel) proposals.updateChannel = { current: this.current.updateChannel, backup: backup.updateChannel };
    return proposals;
  }

  /** The backup's settings over the ones in use, the connection settings kept. */
  private settingsRow(at: string): SqlRow {
    const kept = Object.fromEntries(CONNECTION_SETTINGS.map((key) => [key, this.current[key]]));
    const value = settingsSchema.parse({ ...this.current, ...this.backupSettings, ...kept });
    return { key: 'settings', value: JSON.stringify(value), updated_at: at };
  }

  private outboxRow(item: z.output<typeof rowSchemas.outbox>, row: SqlRow): Verdict {
    const payload = z.object({ payload: json(draftSchemas[item.kind]) }).safeParse(item);
    if (!payload.success) return { refused: describe(payload.error.issues) };
    // The lane follows from the payload; the stored one is not trusted.
    const lane = laneOf(item.kind, draftSchemas[item.kind].parse(JSON.parse(item.payload)) as OutboxPayload, item.id);
    if (!UNSENT.includes(item.state)) return { row: { ...row, lane } };
    this.outboxToConfirm += 1;
    return { row: { ...row, lane, state: 'restored', next_attempt_at: null } };
  }
}
