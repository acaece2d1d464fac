// The built CLI's entry (out/cli/painel.js): runs one command, ends quietly when stdout is closed early
// (`painel info | head -1`), and exits as soon as the command's work is done.
import { runCli } from './painel';

/** A reader that went away (a closed pipe) is not an error: the command's output is simply not wanted. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
const code = await runCli(process.argv.slice(2));
// The engine is closed by now; exit once buffered output is written, whatever timers or sockets remain.
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
