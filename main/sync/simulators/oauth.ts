// OAuth2 as Bling and Mercado Livre run it: an authorization code used once, access tokens with a lifetime, and
// rotating single-use refresh tokens (a reused one is refused, so two parallel refreshes lock the client out).
import { randomBytes } from 'node:crypto';
import type { SimServer } from './server';

export interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  code: string;
}

export type GrantResult = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; error: 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type'; message: string };

export class OAuthState {
  private refreshToken: string | null;
  private code: string | null;
  private readonly access = new Map<string, number>();
  /** Refresh tokens that were valid once (reuse is what locks accounts out). */
  readonly used = new Set<string>();

  constructor(
    private readonly server: SimServer,
    private readonly creds: OAuthCredentials,
    private readonly ttlSec = 21600,
  ) {
    this.refreshToken = creds.refreshToken;
    this.code = creds.code;
  }

  /** The refresh token the server accepts now (tests read it to check it was stored back). */
  get currentRefreshToken(): string | null {
    return this.refreshToken;
  }

  grant(p: Record<string, string | undefined>, basic: string | undefined): GrantResult {
    let id = p.client_id;
    let secret = p.client_secret;
    if (basic?.startsWith('Basic ')) [id, secret] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':');
    if (id !== this.creds.clientId || secret !== this.creds.clientSecret) return { ok: false, status: 401, error: 'invalid_client', message: 'invalid client credentials' };
    if (p.grant_type === 'authorization_code') {
      if (!this.code || p.code !== this.code) return { ok: false, status: 400, error: 'invalid_grant', message: 'authorization code invalid or already used' };
      this.code = null;
    } else if (p.grant_type === 'refresh_token') {
      if (!this.refreshToken || p.refresh_token !== this.refreshToken) return { ok: false, status: 400, error: 'invalid_grant', message: 'refresh token invalid, expired or already used' };
      this.used.add(this.refreshToken);
    } else return { ok: false, status: 400, error: 'unsupported_grant_type', message: `unsupported grant_type ${p.grant_type}` };
    this.server.stats.tokenGrants++;
    this.refreshToken = `rt-${randomBytes(12).toString('hex')}`;
    const accessToken = `at-${randomBytes(12).toString('hex')}`;
    this.access.set(accessToken, Date.now() + this.ttlSec * 1000);
    return { ok: true, body: { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSec, scope: 'read', refresh_token: this.refreshToken } };
  }

  /** Checks a bearer token; the expireTokenAfter switch makes every current token expire after N more requests. */
  check(token: string | null): 'ok' | 'expired' | 'invalid' {
    const exp = token ? this.access.get(token) : undefined;
    if (exp === undefined) {
      this.server.stats.rejectedTokens++;
      return 'invalid';
    }
    const f = this.server.faults;
    if (f.expireTokenAfter !== null) {
      if (f.expireTokenAfter <= 0) {
        this.access.clear();
        f.expireTokenAfter = null;
        this.server.stats.rejectedTokens++;
        return 'expired';
      }
      f.expireTokenAfter--;
    }
    if (exp < Date.now()) {
      this.server.stats.rejectedTokens++;
      return 'expired';
    }
    return 'ok';
  }
}
