// The outbox and sign-in on the app contract: what a member composes offline,
// the state of each queued write, and the session with the portal.
import { z } from 'zod';
import { contentType, id, isoDateTime } from './content';
import { newForumPost, newForumThread, newPartnerRequest, publicMember, version } from './portal-api';

export const OUTBOX_KINDS = ['forum.thread', 'forum.reply', 'partner.request'] as const;
export const outboxKind = z.enum(OUTBOX_KINDS);
export type OutboxKind = z.infer<typeof outboxKind>;

/**
 * queued: waiting to be sent (maybe after a failed attempt); sending: a request
 * is (or, after a crash, may have been) on its way; sent: the portal confirmed
 * it; needs_attention: the portal refused it, with its reason; cancelled: the
 * user withdrew it before it was sent; restored: it came unsent from a backup
 * (maybe someone else's) and is never sent until the user confirms it.
 */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'needs_attention', 'cancelled', 'restored'] as const;
export const outboxState = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof outboxState>;

// The payloads are the portal's own write schemas (strict: an unknown field is
// an error here rather than silently dropped), so a draft that passes here is
// one the portal's validation accepts too.
export const forumThreadDraft = newForumThread.strict();
export const forumReplyDraft = newForumPost.extend({ threadId: id }).strict();
export const partnerRequestDraft = newPartnerRequest.strict();
export type ForumThreadDraft = z.output<typeof forumThreadDraft>;
export type ForumReplyDraft = z.output<typeof forumReplyDraft>;
export type PartnerRequestDraft = z.output<typeof partnerRequestDraft>;

export const draftSchemas = {
  'forum.thread': forumThreadDraft,
  'forum.reply': forumReplyDraft,
  'partner.request': partnerRequestDraft,
} as const satisfies Record<OutboxKind, z.ZodType>;
export type OutboxPayload = { [K in OutboxKind]: z.output<(typeof draftSchemas)[K]> }[OutboxKind];

/** What the portal created for a sent item: the record to look for in the synced corpus. */
export const outboxResultSchema = z.object({ type: contentType, id, version });
export type OutboxResult = z.infer<typeof outboxResultSchema>;

const itemCommon = {
  id: z.string(),
  state: outboxState,
  /** Items of one lane go out one at a time in `seq` order: a reply's lane is its thread; a new thread or partner request has a lane of its own. */
  lane: z.string(),
  seq: z.number().int().positive(),
  idempotencyKey: z.string(),
  attempts: z.number().int().nonnegative(),
  /** The last failure: the portal's own message for a refusal, else what went wrong on the way. */
  lastError: z.string().nullable(),
  result: outboxResultSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  /** A request went out without a definite answer: the portal may hold it already, so it cannot be edited or cancelled until a push settles it. */
  deliveryUnknown: z.boolean(),
  /** Sent, and the synced corpus now holds the created record: lists show that copy instead of this draft. */
  synced: z.boolean(),
  /** Whether outbox.update and outbox.cancel accept it now. */
  editable: z.boolean(),
};

export const outboxItemSchema = z.discriminatedUnion('kind', [
  z.object({ ...itemCommon, kind: z.literal('forum.thread'), payload: forumThreadDraft }),
  z.object({ ...itemCommon, kind: z.literal('forum.reply'), payload: forumReplyDraft }),
  z.object({ ...itemCommon, kind: z.literal('partner.request'), payload: partnerRequestDraft }),
]);
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxCountsSchema = z.object({
  queued: z.number().int().nonnegative(),
  sending: z.number().int().nonnegative(),
  needsAttention: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  restored: z.number().int().nonnegative(),
});
export type OutboxCounts = z.infer<typeof outboxCountsSchema>;

export const outboxListRequestSchema = z
  .object({
    /** Only the replies to this thread (for showing drafts under a synced thread). */
    threadId: id.optional(),
    kind: outboxKind.optional(),
    states: z.array(outboxState).min(1).max(OUTBOX_STATES.length).optional(),
    /** false hides sent items whose synced copy is in the corpus, so a list shows each post once. */
    includeSynced: z.boolean().default(true),
  })
  .strict();

export const outboxListResultSchema = z.object({ items: z.array(outboxItemSchema), counts: outboxCountsSchema });

export const outboxUpdateRequestSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1), kind: z.literal('forum.thread'), payload: forumThreadDraft }).strict(),
  z.object({ id: z.string().min(1), kind: z.literal('forum.reply'), payload: forumReplyDraft }).strict(),
  z.object({ id: z.string().min(1), kind: z.literal('partner.request'), payload: partnerRequestDraft }).strict(),
]);

export const outboxStatusSchema = z.object({
  counts: outboxCountsSchema,
  /** What the count badge shows: queued + sending + needs attention + restored (waiting for confirmation). */
  pending: z.number().int().nonnegative(),
  pushing: z.boolean(),
  /** The portal answered 401: pushing stopped until the member signs in again. Nothing was dropped. */
  signInRequired: z.boolean(),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const pushStartResultSchema = z.object({ started: z.boolean(), reason: z.string().optional() });

export const signInRequestSchema = z
  .object({
    /** The portal to sign in to; the configured one when omitted. */
    serverUrl: z.url({ protocol: /^https?$/ }).optional(),
    email: z.email().max(254),
    password: z.string().min(1).max(200),
  })
  .strict();

/**
 * How the session token is protected at rest: `keychain` (encrypted with a key
 * the operating system's keychain protects: Keychain, DPAPI, libsecret, KWallet),
 * `basic-text` (Linux without a keyring: Electron's safeStorage falls back to a
 * fixed built-in password, so the encryption protects nothing), `owner-only-file`
 * (no keychain at all, as in the browser harness and the CLI: a file only the
 * user's account can read).
 */
export const TOKEN_PROTECTIONS = ['keychain', 'basic-text', 'owner-only-file'] as const;
export const tokenProtectionSchema = z.enum(TOKEN_PROTECTIONS);
export type TokenProtection = z.infer<typeof tokenProtectionSchema>;

export const authStatusSchema = z.object({
  signedIn: z.boolean(),
  /** The portal answered 401 to the stored token: sign in again (the outbox keeps everything meanwhile). */
  signInRequired: z.boolean(),
  serverUrl: z.string().nullable(),
  email: z.string().nullable(),
  member: publicMember.nullable(),
  expiresAt: isoDateTime.nullable(),
  /** Where the token is kept, e.g. "file session-token (mode 0600)". */
  tokenStorage: z.string(),
  tokenProtection: tokenProtectionSchema,
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

/** auth.status also says where someone without an account creates one: the portal's registration page (null while no portal is set). */
export const authStatusWithRegistrationSchema = authStatusSchema.extend({ registrationUrl: z.url().nullable() });

/** After a sign-out: whether the portal revoked the token too (offline, it lapses at its expiry). */
export const signOutResultSchema = authStatusSchema.extend({ revokedOnPortal: z.boolean() });
