// Credentials are bound to the origin (scheme, host, port) they were given for: the origin is saved with them, a
// sync to another origin clears them instead of sending them there, and plain http is refused except on loopback.
import { AppError } from '../store/errors';
import type { SecretStore } from '../engine/secrets';
import { isLoopback } from './offline';

/** The secret under which a source's bound origin is kept (beside its credentials, in the same store). */
export const originKey = (sourceId: string) => `${sourceId}.origin`;

export function originOf(url: string): string {
  return new URL(url).origin;
}

/** A base URL a source may use: http(s), https unless the host is this computer, no credentials inside it. */
export function checkBaseUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('BAD_INPUT', `invalid base URL: ${url}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new AppError('BAD_INPUT', 'the base URL must start with https://');
  if (u.protocol === 'http:' && !isLoopback(url)) throw new AppError('BAD_INPUT', 'the base URL must use https:// (plain http:// is accepted only for this computer)');
  if (u.username || u.password) throw new AppError('BAD_INPUT', 'put credentials in the credentials fields, not in the URL');
  return u;
}

/**
 * Before a sync: the credentials' origin must be the base URL's. The first sync binds them; a different origin clears
 * every credential and token of the source (they were given for another address) and stops with a plain message.
 */
export async function assertOrigin(store: SecretStore, source: { sourceId: string; name: string }, baseUrl: string, names: string[]): Promise<void> {
  checkBaseUrl(baseUrl);
  const now = originOf(baseUrl);
  const bound = await store.get(originKey(source.sourceId));
  if (bound === now) return;
  if (bound === null) return store.set(originKey(source.sourceId), now);
  for (const n of names) await store.delete(`${source.sourceId}.${n}`);
  await store.set(originKey(source.sourceId), now);
  throw new AppError(
    'UNAUTHORIZED',
    `${source.name}: the address changed from ${bound} to ${now}; the saved credentials were cleared so they are not sent to the new address. Enter them again in the source settings`,
  );
}

/**
 * A base URL set by the user: when its origin differs from the bound one, every stored credential not given again in
 * the same step (`keep`) is cleared, and the new origin is bound.
 */
export async function rebindOrigin(store: SecretStore, sourceId: string, baseUrl: string, names: string[], keep: string[]): Promise<void> {
  const now = originOf(checkBaseUrl(baseUrl).href);
  const bound = await store.get(originKey(sourceId));
  if (bound !== null && bound !== now) for (const n of names) if (!keep.includes(n)) await store.delete(`${sourceId}.${n}`);
  await store.set(originKey(sourceId), now);
}
