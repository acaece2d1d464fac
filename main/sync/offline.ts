// Is the computer online? A network interface besides loopback, and (when asked) a DNS answer for a source's host.
// Loopback sources (the simulators) never count as offline.
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';

export function isLoopback(url: string): boolean {
  try {
    const h = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\./.test(h);
  } catch {
    return false;
  }
}

/** True when some interface other than loopback is up. */
export function hasNetwork(): boolean {
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (!i.internal) return true;
  return false;
}

/** A cheap probe: an interface is up and the host name resolves (within 3 s). */
export async function canReach(url: string, networkUp: () => boolean = hasNetwork): Promise<boolean> {
  if (isLoopback(url)) return true;
  if (!networkUp()) return false;
  try {
    const host = new URL(url).hostname;
    await Promise.race([lookup(host), new Promise((_, rej) => setTimeout(() => rej(new Error('dns timeout')), 3000))]);
    return true;
  } catch {
    return false;
  }
}
