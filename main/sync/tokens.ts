// Credentials on requests: static headers (API keys, private-app tokens) or OAuth tokens. OAuth refreshes are
// serialized per source (rotating refresh tokens are single-use: two parallel refreshes lock the account out) and
// the new refresh token is stored back before the new access token is used.
import { AppError } from '../store/errors';
import type { AuthApplier, SourceHttp } from './http';
import type { SecretStore } from '../engine/secrets';
import type { AuthSpec, TokenSet } from './types';

/** Loads a source's secrets once per run; `secret(name)` throws a plain message when a required one is missing. */
export class SourceSecrets {
  private readonly values = new Map<string, string | null>();
  constructor(
    readonly sourceId: string,
    readonly store: SecretStore,
  ) {}

  async load(names: string[]): Promise<void> {
    for (const n of names) this.values.set(n, await this.store.get(`${this.sourceId}.${n}`));
  }

  get(name: string): string | null {
    return this.values.get(name) ?? null;
  }

  require(name: string): string {
    const v = this.get(name);
    if (!v) throw new AppError('UNAUTHORIZED', `${this.sourceId}: the credential "${name}" is not set; add it in the source settings (or the environment)`);
    return v;
  }

  async set(name: string, value: string | null): Promise<void> {
    this.values.set(name, value);
    const key = `${this.sourceId}.${name}`;
    if (value === null) await this.store.delete(key);
    else await this.store.set(key, value);
  }

  /** Every loaded value, for redaction. */
  all(): string[] {
    return [...this.values.values()].filter((v): v is string => !!v);
  }
}

const OAUTH_NAMES = ['accessToken', 'expiresAt', 'refreshToken', 'code'];
/** Refresh this long before the access token's announced expiry. */
const EARLY_MS = 60_000;

/** One per source and engine, so refreshes from parallel runs also queue behind each other. */
class OAuthTokens {
  private inflight: Promise<string> | null = null;
  refreshes = 0;

  constructor(
    private readonly sourceId: string,
    private readonly store: SecretStore,
  ) {}

  private async read(name: string): Promise<string | null> {
    return this.store.get(`${this.sourceId}.${name}`);
  }

  async current(): Promise<string | null> {
    const token = await this.read('accessToken');
    const exp = Number((await this.read('expiresAt')) ?? '0');
    if (!token || (exp && exp - EARLY_MS < Date.now())) return null;
    return token;
  }

  /** A valid access token, refreshing (once, for every waiting caller) when there is none or it expired. */
  async token(refresh: () => Promise<TokenSet>, rejected: string | null = null): Promise<string> {
    if (this.inflight) return this.inflight;
    const cur = await this.current();
    if (cur && cur !== rejected) return cur;
    if (this.inflight) return this.inflight;
    this.inflight = (async () => {
      try {
        const t = await refresh();
        this.refreshes++;
        // The rotated refresh token first: if anything fails after this line, the account is still usable.
        if (t.refreshToken) await this.store.set(`${this.sourceId}.refreshToken`, t.refreshToken);
        await this.store.delete(`${this.sourceId}.code`);
        await this.store.set(`${this.sourceId}.accessToken`, t.accessToken);
        await this.store.set(`${this.sourceId}.expiresAt`, String(t.expiresAt ?? Date.now() + 3600_000));
        return t.accessToken;
      } finally {
        this.inflight = null;
      }
    })();
    return this.inflight;
  }
}

/**
 * The OAuth refreshers of one engine, one per source: refreshes from parallel runs of that engine queue behind each
 * other. The engine (its sync service) owns one; a run without one gets its own.
 */
export class TokenRefreshers {
  private readonly bySource = new Map<string, OAuthTokens>();

  for(store: SecretStore, sourceId: string): OAuthTokens {
    let t = this.bySource.get(sourceId);
    if (!t) this.bySource.set(sourceId, (t = new OAuthTokens(sourceId, store)));
    return t;
  }

  /** Number of OAuth refreshes done through this set for a source (tests, run summaries). */
  refreshCount(sourceId: string): number {
    return this.bySource.get(sourceId)?.refreshes ?? 0;
  }
}

export function authNames(spec: AuthSpec): string[] {
  return spec.type === 'oauth' ? OAUTH_NAMES : [];
}

/** `reveal` receives every value derived from a secret (a Basic header, a token) so error messages can hide it. */
export function createAuthApplier(
  spec: AuthSpec,
  secrets: SourceSecrets,
  http: SourceHttp,
  config: Record<string, unknown>,
  reveal: (v: string) => void = () => undefined,
  refreshers: TokenRefreshers = new TokenRefreshers(),
): AuthApplier {
  const shown = <T extends Record<string, string>>(o: T): T => {
    for (const v of Object.values(o)) {
      reveal(v);
      const bare = v.replace(/^(Basic|Bearer) /, '');
      if (bare !== v) reveal(bare);
    }
    return o;
  };
  if (spec.type === 'headers') {
    const secret = (n: string) => secrets.require(n);
    return {
      apply: async () => ({ headers: shown(spec.headers(secret, config)), query: shown(spec.query?.(secret, config) ?? {}), token: null }),
      onRejected: async () => false,
    };
  }
  const tokens = refreshers.for(secrets.store, secrets.sourceId);
  const refresh = async (): Promise<TokenSet> => {
    const refreshToken = await secrets.store.get(`${secrets.sourceId}.refreshToken`);
    const code = await secrets.store.get(`${secrets.sourceId}.code`);
    if (!refreshToken && !code) {
      throw new AppError('UNAUTHORIZED', `${secrets.sourceId}: not authorized yet; paste an authorization code or a refresh token in the source settings`);
    }
    try {
      return await spec.grant(http, refreshToken ? { refreshToken } : { code: code as string }, (n) => secrets.require(n), config);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'UNAUTHORIZED' || (err.code === 'SOURCE' && /HTTP 4\d\d/.test(err.message)))) {
        throw new AppError('UNAUTHORIZED', `${secrets.sourceId} refused the saved authorization (it was used or expired); paste a new authorization code`, { cause: err.message });
      }
      throw err;
    }
  };
  return {
    apply: async () => {
      const token = await tokens.token(refresh);
      reveal(token);
      return { headers: { Authorization: `Bearer ${token}` }, query: {}, token };
    },
    onRejected: async (token) => {
      await tokens.token(refresh, token);
      return true;
    },
  };
}
