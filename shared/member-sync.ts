// Syncing a member's own data (annotations, collections, saved searches, the
// settings they want everywhere) between their computers through the portal,
// end-to-end encrypted: the contract's memberSync.* shapes (core ↔ renderer).
// The wire format portal ↔ core is shared/member-items.ts.
import { z } from 'zod';
import { isoDateTime } from './content';

/** The kinds of user data a device syncs; `device` items (the device list) are the core's own. */
export const MEMBER_SYNC_KINDS = ['annotation', 'collection', 'saved-search', 'settings'] as const;
export const memberSyncKind = z.enum(MEMBER_SYNC_KINDS);
export type MemberSyncKind = z.infer<typeof memberSyncKind>;

/** Why member sync refused or failed, as the interface translates it. */
export const MEMBER_SYNC_ERROR_CODES = [
  'wrong_passphrase',
  'not_signed_in',
  'not_enabled',
  'keyring_changed',
  'portal_unreachable',
  'portal_refused',
  'invalid_item',
] as const;
export const memberSyncErrorCode = z.enum(MEMBER_SYNC_ERROR_CODES);

export const memberSyncDeviceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  lastSeenAt: isoDateTime,
  thisDevice: z.boolean(),
});
export type MemberSyncDevice = z.infer<typeof memberSyncDeviceSchema>;

const count = z.number().int().nonnegative();

export const memberSyncStatusSchema = z.object({
  enabled: z.boolean(),
  signedIn: z.boolean(),
  /** The signed-in member's display name. */
  memberName: z.string().nullable(),
  thisDevice: z.object({ id: z.string().min(1), name: z.string() }).nullable(),
  /**
   * Whether the portal already holds this member's wrapped key, so that enabling here joins the other
   * computers (type the passphrase) rather than making the key (choose one); null while unknown.
   */
  portalHasKey: z.boolean().nullable(),
  devices: z.array(memberSyncDeviceSchema),
  lastSyncAt: isoDateTime.nullable(),
  /** The last sync's failure; null after a sync that succeeded. `code` is one of MEMBER_SYNC_ERROR_CODES. */
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  syncing: z.boolean(),
  /** Local edits not yet on the portal, per kind. */
  pending: z.object({ annotation: count, collection: count, 'saved-search': count, settings: count }),
  /** Notes edited on two devices at once, waiting for the member to merge them. */
  conflicts: count,
});
export type MemberSyncStatus = z.infer<typeof memberSyncStatusSchema>;

/** A passphrase: long enough to resist guessing against the wrapped key, which the portal holds. */
export const memberSyncPassphrase = z.string().min(8, 'The passphrase must have at least 8 characters').max(1024);

export const memberSyncEnableSchema = z.object({ passphrase: memberSyncPassphrase, deviceName: z.string().trim().min(1).max(100) }).strict();
export const memberSyncChangePassphraseSchema = z.object({ current: z.string().min(1).max(1024), next: memberSyncPassphrase }).strict();

export const memberSyncConflictSchema = z.object({
  itemId: z.string().min(1),
  kind: memberSyncKind,
  /** What the user recognises: the annotation's quote or record title, or the collection's name. */
  title: z.string(),
  /** Which text: `note`, or `itemNote:<type>/<id>` for the note of one item of a collection. */
  field: z.string().min(1),
  versions: z.array(z.object({ text: z.string(), deviceName: z.string(), editedAt: isoDateTime })).min(2),
});
export type MemberSyncConflict = z.infer<typeof memberSyncConflictSchema>;

export const memberSyncResolveSchema = z.object({ itemId: z.string().min(1), field: z.string().min(1), text: z.string().max(20_000) }).strict();
export const memberSyncResolveResultSchema = z.object({ remaining: count });
