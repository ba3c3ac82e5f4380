// Signing in to the portal (portal/sessions.ts) gives a bearer token, kept in
// the TokenStore with the portal it belongs to.
import { z } from 'zod';
import { isoDateTime } from '../../../shared/content';
import type { AuthStatus } from '../../../shared/outbox';
import { publicMember, type PublicMember } from '../../../shared/portal-api';
import { ContractError } from '../../../shared/contract';
import { insecurePortalRefusal } from '../../../shared/portal-transport';
import { endSession, requestSession } from '../portal/sessions';
import { portalAddress } from '../portal/urls';
import type { TokenStore } from './token-store';

const storedSession = z.object({
  serverUrl: z.string().min(1),
  email: z.string(),
  token: z.string().min(1),
  expiresAt: isoDateTime,
  member: publicMember,
  /** The portal answered 401 to this token: the member must sign in again. */
  rejected: z.boolean().default(false),
});
type StoredSession = z.infer<typeof storedSession>;

export interface PortalSession {
  serverUrl: string;
  token: string;
  member: PublicMember;
}

export class AuthService {
  readonly listeners: Array<() => void> = [];

  constructor(
    readonly tokens: TokenStore,
    private readonly options: {
      timeoutMs?: number;
      now?: () => Date;
      /** The user's "allow an insecure portal" setting, read at each use; off when not given. */
      allowInsecurePortal?: () => boolean;
    } = {},
  ) {}

  /** Why the password or the token may not go to this portal (plain http away from this computer, not allowed); null when they may. */
  portalRefusal(serverUrl: string): string | null {
    return insecurePortalRefusal(serverUrl, this.options.allowInsecurePortal?.() ?? false);
  }

  private read(): StoredSession | null {
    const raw = this.tokens.load();
    if (raw === null) return null;
    try {
      return storedSession.parse(JSON.parse(raw));
    } catch {
      return null; // Unreadable (written by a newer version, or damaged): as good as signed out.
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The session the push loop may use: present, not rejected by the portal, not expired. */
  session(): PortalSession | null {
    const stored = this.read();
    if (!stored || stored.rejected) return null;
    if (Date.parse(stored.expiresAt) <= (this.options.now?.() ?? new Date()).getTime()) return null;
    return { serverUrl: stored.serverUrl, token: stored.token, member: stored.member };
  }

  status(): AuthStatus {
    const stored = this.read();
    const usable = this.session() !== null;
    return {
      signedIn: usable,
      signInRequired: stored !== null && !usable,
      serverUrl: stored?.serverUrl ?? null,
      email: stored?.email ?? null,
      member: stored?.member ?? null,
      expiresAt: stored?.expiresAt ?? null,
      tokenStorage: this.tokens.description,
      tokenProtection: this.tokens.protection,
    };
  }

  async signIn(serverUrl: string, email: string, password: string): Promise<AuthStatus> {
    const base = portalAddress(serverUrl);
    const refusal = this.portalRefusal(base);
    if (refusal) throw new ContractError('invalid_arguments', refusal);
    const session = await requestSession(base, { email, password }, { timeoutMs: this.options.timeoutMs ?? 30_000 });
    this.tokens.save(JSON.stringify({ serverUrl: base, email, token: session.token, expiresAt: session.expiresAt, member: session.member, rejected: false } satisfies StoredSession));
    this.changed();
    return this.status();
  }

  /**
   * Forgets the token here at once, then revokes it on the portal (offline, it lapses at its expiry).
   * A portal the token may not be sent to (plain http, not allowed) is not asked: it lapses there too.
   */
  async signOut(): Promise<AuthStatus & { revokedOnPortal: boolean }> {
    const stored = this.read();
    this.tokens.delete();
    this.changed();
    const revokedOnPortal = stored && !this.portalRefusal(stored.serverUrl) ? await endSession(stored.serverUrl, stored.token, { timeoutMs: Math.min(this.options.timeoutMs ?? 10_000, 10_000) }) : false;
    return { ...this.status(), revokedOnPortal };
  }

  /** The portal answered 401 to `token`: keep who it was for (to prefill a sign-in), never use it again. */
  markRejected(token: string): void {
    const stored = this.read();
    if (!stored || stored.token !== token || stored.rejected) return;
    this.tokens.save(JSON.stringify({ ...stored, rejected: true }));
    this.changed();
  }
}
