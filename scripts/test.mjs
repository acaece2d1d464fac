// npm test: typecheck, lint, security scan, build (app and CLI), unit tests (vitest), end-to-end tests (Playwright);
// ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'security-scan', cmd: 'node', args: ['scripts/security-scan.mjs'] },
  // Built before the unit tests: tests that run the painel command as a process use out/cli as it is.
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'] },
  { name: 'vitest', cmd: 'npx', args: ['vitest', 'run'], report: 'test-results/vitest.json' },
  { name: 'playwright', cmd: 'npx', args: ['playwright', 'test'], report: 'test-results/playwright.json', needs: 'build' },
];

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
const status = {};
for (const s of steps) {
  if (s.needs && !status[s.needs]) {
    lines.push(`${s.name}: not run (${s.needs} failed)`);
    failed++;
    continue;
  }
  if (s.report) rmSync(s.report, { force: true });
  const t0 = Date.now();
  process.stdout.write(`\n=== ${s.name} ===\n`);
  const r = spawnSync(s.cmd, s.args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  status[s.name] = r.status === 0;
  if (s.report && existsSync(s.report)) {
    const j = JSON.parse(readFileSync(s.report, 'utf8'));
    let p, f, k;
    if (s.name === 'vitest') {
      p = j.numPassedTests;
      f = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
      k = j.numPendingTests + j.numTodoTests;
    } else {
      p = j.stats.expected + j.stats.flaky;
      f = j.stats.unexpected;
      k = j.stats.skipped;
      for (const suite of j.suites ?? []) collectSkips(suite, lines);
    }
    if (r.status !== 0 && f === 0) f = 1;
    passed += p;
    failed += f;
    skipped += k;
    lines.push(`${s.name}: ${p} passed, ${f} failed, ${k} skipped (${secs} s)`);
  } else {
    if (r.status === 0) passed++;
    else failed++;
    lines.push(`${s.name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s)`);
  }
}

function collectSkips(suite, out) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const note = (t.annotations ?? []).find((a) => a.type === 'skip');
      if (t.status === 'skipped' && note?.description) out.push(`  skipped: ${spec.title} — ${note.description}`);
    }
  }
  for (const s of suite.suites ?? []) collectSkips(s, out);
}

process.stdout.write(`\n=== summary ===\n${lines.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
