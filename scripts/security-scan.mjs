// Runs the electronegativity Electron security scanner over electron/; any HIGH or CRITICAL finding fails
// unless it is explained below. Medium findings are printed with the reason they are acceptable.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXPLAINED = {
  CSP_GLOBAL_CHECK: 'the CSP is sent as a response header by the painel:// protocol handler (electron/main.ts), which a static scan cannot see',
  OPEN_EXTERNAL_JS_CHECK: 'shell.openExternal is reached only through isSafeExternalUrl (http/https without credentials), tested in electron/security.test.ts',
  PRELOAD_JS_CHECK: 'the preload is our own bundled, sandboxed script exposing only call/on/version/desktop, tested in electron/security.test.ts',
};

const dir = mkdtempSync(join(tmpdir(), 'painel-scan-'));
const out = join(dir, 'findings.csv');
// The checks judge the Electron version actually installed. The release-list check needs the internet; every
// other check runs offline.
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
console.log(`electronegativity: scanning electron/ for Electron ${electronVersion}`);
const r = spawnSync('npx', ['electronegativity', '-i', 'electron', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { encoding: 'utf8' });
let csv = '';
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(`electronegativity did not produce a report (exit ${r.status}):\n${r.stderr}`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
/** RFC 4180 rows: quoted fields may hold commas, quotes and newlines (code samples do). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
const rows = parseCsv(csv)
  .slice(1)
  .filter((r) => r.length >= 5)
  .map(([issue, severity, confidence, file, location]) => ({ issue: issue.trim(), severity: severity.trim(), confidence, file: file ?? '', location }));
let bad = 0;
for (const f of rows) {
  const why = EXPLAINED[f.issue];
  const serious = f.severity === 'HIGH' || f.severity === 'CRITICAL';
  if (serious && !why) bad++;
  console.log(`${serious && !why ? 'FAIL' : 'ok  '} ${f.severity.padEnd(8)} ${f.issue} ${f.file.replace(process.cwd() + '/', '')}:${f.location}${why ? ` — ${why}` : ''}`);
}
console.log(`electronegativity: ${rows.length} findings, ${bad} unexplained high-severity`);
process.exit(bad ? 1 : 0);
