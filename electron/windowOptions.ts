// URL rules of the desktop shell, kept free of Electron imports so plain unit tests can check them.
export const APP_SCHEME = 'painel';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** True only for our own app pages (custom protocol), never file:// or remote content. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}

/** shell.openExternal is allowed only for http(s) URLs. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}
