// The desktop shell: lifecycle, single-instance lock, the secure window, the painel:// protocol and IPC wiring.
// It computes nothing: every call goes to the same engine dispatcher the CLI and the HTTP host use.
import { app, BrowserWindow, net, protocol, safeStorage, session, shell, dialog } from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { CSP, CodecFileSecretStore, Engine, createDispatcher, isCorruption, listBackupFiles, publishForCommands, restoreFromBackupFile, startBackgroundServices } from '../main/host/index';
import { wireIpc } from './ipc';
import { prefs } from './settings';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, isSafeExternalUrl } from './windowOptions';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;
let engine: Engine | null = null;
const rendererDir = resolve(__dirname, '../renderer');

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    if (url.host !== 'app') return new Response('not found', { status: 404 });
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    let file = resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + sep)) return new Response('forbidden', { status: 403 });
    if (!existsSync(file)) file = join(rendererDir, 'index.html');
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): void {
  const bounds = prefs.get('bounds') ?? { width: 1360, height: 860 };
  win = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Painel',
    backgroundColor: '#0f172a',
    // Every security setting is spelled out here (asserted by electron/security.test.ts and scanned by electronegativity).
    webPreferences: {
      preload: join(__dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (prefs.get('maximized')) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    prefs.set('maximized', win.isMaximized());
    if (!win.isMaximized()) prefs.set('bounds', win.getBounds());
  });
  win.on('closed', () => (win = null));
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

/** Source credentials encrypted with the OS keychain through safeStorage; never plain text on disk. */
function secretStore(): CodecFileSecretStore {
  return new CodecFileSecretStore(join(app.getPath('userData'), 'credentials.bin'), {
    encrypt: (plain) => {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the system keychain is not available: credentials cannot be stored safely');
      return safeStorage.encryptString(plain);
    },
    decrypt: (data) => safeStorage.decryptString(data),
  });
}

/** Opens the engine; a damaged database file offers the newest backup in its place (the damaged file is kept). */
async function openEngine(dbPath: string): Promise<Engine | null> {
  const options = { dbPath, secrets: secretStore() };
  try {
    return await Engine.open(options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const backups = listBackupFiles(dbPath);
    if (isCorruption(err) && backups.length) {
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: 'Painel',
        message: 'O banco de dados está danificado. / The database file is damaged.',
        detail: `${message}\n\nRestaurar a cópia ${backups[0].fileName} (${backups[0].createdAt})? O arquivo danificado é guardado ao lado.`,
        buttons: ['Restaurar cópia / Restore backup', 'Sair / Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice !== 0) return null;
      restoreFromBackupFile(dbPath, backups[0].fileName);
      return openEngine(dbPath);
    }
    dialog.showErrorBox('Painel', `Não foi possível abrir o banco de dados / Could not open the database:\n${message}`);
    return null;
  }
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  await app.whenReady();
  lockDown();
  serveApp();
  const dbPath = process.env.PAINEL_DB ?? join(app.getPath('userData'), 'painel.duckdb');
  engine = await openEngine(dbPath);
  if (!engine) {
    app.quit();
    return;
  }
  startBackgroundServices(engine);
  const dispatcher = createDispatcher(engine, { transport: 'desktop' });
  const unwire = wireIpc(engine, dispatcher, () => win);
  // Commands run while the app is open (a nightly painel close) reach this engine instead of the locked file.
  const commands = await publishForCommands(engine).catch((err: unknown) => {
    engine?.log(`local commands cannot reach the app: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  });
  createWindow();
  app.on('activate', () => {
    if (!win) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (e) => {
    if (!engine) return;
    // Quit once the engine has ended its statements in flight and closed the database file.
    e.preventDefault();
    const closing = engine;
    engine = null;
    unwire();
    void (commands?.close() ?? Promise.resolve())
      .then(() => closing.close())
      .finally(() => app.quit());
  });
}

void start();
