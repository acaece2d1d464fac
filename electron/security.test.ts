// The Electron security checklist, asserted from the code that creates the window, the preload and the IPC router.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { isAppUrl, isSafeExternalUrl } from './windowOptions';

const mainSrc = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
const preloadSrc = readFileSync(new URL('./preload.ts', import.meta.url), 'utf8');
const ipcSrc = readFileSync(new URL('./ipc.ts', import.meta.url), 'utf8');

/** The literal webPreferences object passed to `new BrowserWindow(...)` in electron/main.ts. */
function windowPreferences(): Record<string, string> {
  const sf = ts.createSourceFile('main.ts', mainSrc, ts.ScriptTarget.ES2022, true);
  const found: Record<string, string>[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isNewExpression(n) && n.expression.getText(sf) === 'BrowserWindow') {
      const opts = n.arguments?.[0];
      if (opts && ts.isObjectLiteralExpression(opts)) {
        for (const p of opts.properties) {
          if (ts.isPropertyAssignment(p) && p.name.getText(sf) === 'webPreferences' && ts.isObjectLiteralExpression(p.initializer)) {
            const out: Record<string, string> = {};
            for (const q of p.initializer.properties) if (ts.isPropertyAssignment(q)) out[q.name.getText(sf)] = q.initializer.getText(sf);
            found.push(out);
          }
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('Electron security checklist', () => {
  const prefs = windowPreferences();

  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInWorker', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webviewTag', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['experimentalFeatures', 'false'],
  ])('the window sets %s: %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('has no remote content: the page comes from the painel:// protocol, never file:// or http(s) in production', () => {
    expect(mainSrc).toMatch(/protocol\.registerSchemesAsPrivileged/);
    expect(mainSrc).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(mainSrc).toMatch(/loadURL\(devUrl \?\? `\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(mainSrc).toMatch(/!app\.isPackaged \? process\.env\.ELECTRON_RENDERER_URL/);
    expect(mainSrc).not.toMatch(/loadFile\(/);
    expect(mainSrc).toMatch(/headers\.set\('Content-Security-Policy', CSP\)/);
  });

  it('denies navigation, new windows, webviews and permission requests', () => {
    expect(mainSrc).toMatch(/'will-navigate', \(e, url\) => \{\s*if \(!isAppUrl\(url\)\) e\.preventDefault\(\)/);
    expect(mainSrc).toMatch(/'will-redirect'/);
    expect(mainSrc).toMatch(/'will-attach-webview', \(e\) => e\.preventDefault\(\)/);
    expect(mainSrc).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    expect(mainSrc).toMatch(/setPermissionRequestHandler\(\(_wc, _perm, done\) => done\(false\)\)/);
    expect(mainSrc).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('opens external links only for http(s) URLs', () => {
    expect(mainSrc).toMatch(/if \(isSafeExternalUrl\(url\)\) void shell\.openExternal\(url\)/);
    expect(isSafeExternalUrl('https://painel.app.br/ajuda')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@evil.test', 'not a url']) expect(isSafeExternalUrl(bad)).toBe(false);
  });

  it('keeps a single instance that focuses the first window', () => {
    expect(mainSrc).toMatch(/requestSingleInstanceLock\(\)/);
    expect(mainSrc).toMatch(/'second-instance'[\s\S]*?win\.focus\(\)/);
  });

  it('checks the IPC sender: our window and our own origin only', () => {
    expect(ipcSrc).toMatch(/event\.sender !== win\.webContents \|\| !isAppUrl\(frameUrl\)/);
    expect(isAppUrl('painel://app/index.html')).toBe(true);
    for (const bad of ['painel://evil/index.html', 'http://127.0.0.1/', 'file:///index.html', 'https://app/']) expect(isAppUrl(bad)).toBe(false);
  });

  it('exposes only call, on, version, desktop and dropped (paths of dropped files) from the preload', () => {
    expect(preloadSrc).toMatch(/contextBridge\.exposeInMainWorld\('painel', bridge\)/);
    const keys = [...preloadSrc.matchAll(/^ {2}(\w+)[:,]/gm)].map((m) => m[1]);
    expect(keys.sort()).toEqual(['call', 'desktop', 'dropped', 'on', 'version']);
    expect(preloadSrc).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });
});
