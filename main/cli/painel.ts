// The `painel` CLI: friendly commands over the engine, plus `painel call` for any contract method.
// Exit codes: 0 ok, 2 bad input, 1 failure (commands may add 3 for partial success); errors on one stderr line.
import { exitCodeFor } from '../../shared/errors';
import { Engine } from '../engine/engine';
import { resolveDbPath } from '../engine/paths';
import { toErrorData } from '../store/errors';
import type { CliContext, CliIo } from './command';
import { COMMANDS } from './commands/index';

function help(io: CliIo): void {
  io.out('painel — offline-first analytics for salons and small shops\n\nUsage: painel [--db PATH] COMMAND [options]\n\n');
  for (const c of COMMANDS) io.out(`  ${c.name.padEnd(10)} ${c.summary}\n             ${c.usage}\n`);
  io.out('\nThe database is --db PATH, else $PAINEL_DB, else the per-user default.\n');
}

export async function runCli(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const fullIo: CliIo = {
    out: io?.out ?? ((t) => void process.stdout.write(t)),
    err: io?.err ?? ((t) => void process.stderr.write(t)),
    isTTY: io?.isTTY ?? Boolean(process.stderr.isTTY),
  };
  const args = [...argv];
  let dbFlag: string | undefined;
  while (args[0]?.startsWith('--db')) {
    const a = args.shift() as string;
    dbFlag = a.includes('=') ? a.slice(5) : args.shift();
    if (!dbFlag) {
      fullIo.err('painel: --db needs a path\n');
      return 2;
    }
  }
  const name = args.shift();
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
  // Commands may take --db after their own name too.
  const i = args.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i >= 0) {
    const a = args[i];
    dbFlag = a.includes('=') ? a.slice(5) : args[i + 1];
    args.splice(i, a.includes('=') ? 1 : 2);
  }
  let engine: Engine | null = null;
  const ctx: CliContext = {
    io: fullIo,
    dbFlag,
    engine: async (options) => (engine ??= await Engine.open({ ...options, dbPath: resolveDbPath(dbFlag) })),
  };
  try {
    return await cmd.run(args, ctx);
  } catch (err) {
    const e = toErrorData(err);
    fullIo.err(`painel ${name}: ${e.code}: ${e.message.split('\n')[0]}\n`);
    return exitCodeFor(e.code);
  } finally {
    // Waits for the engine to end its work in flight and close the file, so the process can exit at once.
    await (engine as Engine | null)?.close();
  }
}
