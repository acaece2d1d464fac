// The `painel` CLI: friendly commands over the engine, plus `painel call` for any contract method; every command goes
// through the dispatcher, to the engine already running on the database when there is one.
// Exit codes: 0 ok, 2 bad input, 1 failure (commands may add 3 for partial success); errors on one stderr line.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exitCodeFor } from '../../shared/errors';
import type { JobSnapshot } from '../../shared/events';
import type { Engine } from '../engine/engine';
import { resolveDbPath } from '../engine/paths';
import { findRunningEngine } from '../host/runtimeFile';
import { AppError, toErrorData } from '../store/errors';
import type { CliContext, CliIo, Command } from './command';
import { COMMANDS } from './commands/index';
import { followJob } from './progress';
import { connectTarget, type EngineTarget } from './target';

function help(io: CliIo): void {
  io.out('painel — offline-first analytics for salons and small shops\n\nUsage: painel [--db PATH] [--verbose] COMMAND [options]\n\n');
  for (const c of COMMANDS) io.out(`  ${c.name.padEnd(10)} ${c.summary}\n             ${c.usage}\n`);
  io.out('\nThe database is --db PATH, else $PAINEL_DB, else the per-user default.\n');
  io.out('While the app or browser mode has the database open, commands run in it.\n');
  io.out('painel COMMAND --help shows one command; logs (slow queries) go to logs/painel.log beside the database, and to stderr with --verbose.\n');
}

/** The engine's log: a file beside the database (owner-only), and stderr too with --verbose. */
export function engineLog(dbPath: string, io: CliIo, verbose: boolean): (line: string) => void {
  const file = dbPath === ':memory:' ? null : join(dirname(dbPath), 'logs', 'painel.log');
  return (line) => {
    if (verbose) io.err(`[painel] ${line}\n`);
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      appendFileSync(file, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      // a log that cannot be written must not stop the command
    }
  };
}

/** Takes --db PATH / --db=PATH and --verbose wherever they appear before a `--`. */
function globalFlags(args: string[]): { dbFlag?: string; verbose: boolean; bad?: string } {
  let dbFlag: string | undefined;
  let verbose = false;
  for (let i = 0; i < args.length; ) {
    const a = args[i];
    if (a === '--') break;
    if (a === '--verbose') {
      verbose = true;
      args.splice(i, 1);
    } else if (a === '--db' || a.startsWith('--db=')) {
      dbFlag = a.includes('=') ? a.slice(5) : args[i + 1];
      args.splice(i, a.includes('=') ? 1 : 2);
      if (!dbFlag) return { verbose, bad: '--db needs a path' };
    } else i++;
  }
  return { dbFlag, verbose };
}

export async function runCli(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const fullIo: CliIo = {
    out: io?.out ?? ((t) => void process.stdout.write(t)),
    err: io?.err ?? ((t) => void process.stderr.write(t)),
    isTTY: io?.isTTY ?? Boolean(process.stderr.isTTY),
  };
  const args = [...argv];
  const flags = globalFlags(args);
  if (flags.bad) {
    fullIo.err(`painel: ${flags.bad}\n`);
    return 2;
  }
  let name = args.shift();
  if (name === 'help' && args[0] && COMMANDS.some((c) => c.name === args[0])) [name, args[0]] = [args[0], '--help'];
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(fullIo);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === 'version') {
    const { VERSION } = await import('../engine/version');
    fullIo.out(`${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    fullIo.err(`painel: unknown command "${name}" (try painel help)\n`);
    return 2;
  }
  if (args.some((a) => a === '--help' || a === '-h')) {
    fullIo.out(`${cmd.summary}\n\nUsage: ${cmd.usage}\n\nEvery command also takes --db PATH and --verbose.\n`);
    return 0;
  }
  const dbPath = resolveDbPath(flags.dbFlag);
  const log = engineLog(dbPath, fullIo, flags.verbose);
  let engine: Engine | null = null;
  let target: Promise<EngineTarget> | null = null;
  // Loaded only when this process opens the database itself (not when the app's engine answers).
  const openEngine = async (options?: Parameters<CliContext['engine']>[0]) =>
    (engine ??= await (await import('../engine/engine')).Engine.open({ log, ...options, dbPath }));
  const ctx: CliContext = {
    io: fullIo,
    dbFlag: flags.dbFlag,
    dbPath,
    usage: cmd.usage,
    target: () => (target ??= connectTarget(dbPath, () => openEngine())),
    async call<T>(method: string, input: unknown = {}) {
      const r = await (await ctx.target()).call(method, input);
      if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
      return r.value as T;
    },
    follow: async (job: JobSnapshot, show?: (j: JobSnapshot) => void) => followJob(await ctx.target(), job, fullIo, show),
    async engine(options) {
      const running = await findRunningEngine(dbPath);
      if (running) {
        throw new AppError('CONFLICT', `Painel is already running on ${dbPath} (${running.mode === 'app' ? 'the desktop app' : `browser mode on port ${running.port}`}); run the command there or close it first.`);
      }
      return openEngine(options);
    },
    async release() {
      const e = engine as Engine | null;
      engine = null;
      target = null;
      await e?.close();
    },
  };
  try {
    return await runCommand(cmd, args, ctx);
  } catch (err) {
    const e = toErrorData(err);
    fullIo.err(`painel ${name}: ${e.code}: ${e.message.split('\n')[0]}\n`);
    return exitCodeFor(e.code);
  } finally {
    // Waits for the engine to end its work in flight and close the file, so the process can exit at once.
    await (engine as Engine | null)?.close();
  }
}

async function runCommand(cmd: Command, args: string[], ctx: CliContext): Promise<number> {
  const run = await cmd.load();
  return run(args, ctx);
}
