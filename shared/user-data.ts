// Backup and restore of the user's own data on the app contract. A backup file
// is input from outside (someone else's, or changed since it was saved): the
// restore says what it refused and what it ignored, and proposes, rather than
// applies, what would change where the app connects.
import { z } from 'zod';
import { settingsSchema } from './sync';

const count = z.number().int().nonnegative();

/** The tables of the user's own data a backup holds (full-text indexes aside: they are rebuilt from these). */
export const USER_DATA_TABLES = ['settings', 'saved_searches', 'annotations', 'collections', 'collection_items', 'outbox'] as const;
export type UserDataTable = (typeof USER_DATA_TABLES)[number];

/** What a restore may find in a file that the app did not make. */
export const IGNORED_KINDS = ['table', 'column', 'index', 'trigger', 'view'] as const;

export const restoreRequestSchema = z.object({ base64: z.base64().min(1).max(512 * 1024 * 1024) }).strict();

/** A setting the backup holds that differs from the one in use: shown, and applied only when the user says so (settings.update). */
const proposal = <T extends z.ZodType>(value: T) => z.object({ current: value, backup: value });

export const restoreResultSchema = z.object({
  /** Rows restored per table. */
  restored: z.record(z.string(), count),
  /** Rows of the backup left out, by table and reason (a row failing the app's schemas, a constraint, a missing parent). */
  refused: z.array(z.object({ table: z.string(), count: count.min(1), reason: z.string() })),
  /** Parts of the file's schema this app did not make (a changed table, an extra column, trigger, view or index): never read or run. */
  ignored: z.array(z.object({ kind: z.enum(IGNORED_KINDS), name: z.string() })),
  /** Outbox items restored unsent: each waits for the user's confirmation before it is sent under their name. */
  outboxToConfirm: count,
  /** The portal address and update channel stay as they are; where the backup's differ, they are proposed here. */
  settingsToConfirm: z.object({
    serverUrl: proposal(settingsSchema.shape.serverUrl).optional(),
    updateChannel: proposal(settingsSchema.shape.updateChannel).optional(),
  }),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;
