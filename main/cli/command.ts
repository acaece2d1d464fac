// The shape of a CLI command and what every command is given: output, the database's engine (the running app's
// or one opened here) as contract calls and job following, its usage line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { JobSnapshot } from '../../shared/events';
import { createFormatter } from '../../shared/format';
import type { Engine, EngineOptions } from '../engine/engine';
import { AppError } from '../store/errors';
import type { EngineTarget } from './target';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

export interface CliContext {
  io: CliIo;
  dbFlag: string | undefined;
  /** --db / PAINEL_DB / the per-user default. */
  dbPath: string;
  /** This command's usage line (for error messages). */
  usage: string;
  /** Where calls go: the engine running on the database (app, browser mode), else one opened here. */
  target(): Promise<EngineTarget>;
  /** Calls a contract method through the dispatcher; an error result is thrown as an AppError. */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** Follows a job to its end with progress lines on stderr (or `show` for each update); Ctrl-C cancels it. */
  follow(job: JobSnapshot, show?: (j: JobSnapshot) => void): Promise<JobSnapshot>;
  /** An engine opened by this process (browser mode, simulators); refused while another process holds the file. */
  engine(options?: Partial<Omit<EngineOptions, 'dbPath'>>): Promise<Engine>;
  /** Closes an engine this command opened (a long-running command that no longer needs the database). */
  release(): Promise<void>;
}

export type CommandRun = (argv: string[], ctx: CliContext) => Promise<number>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The command's code, loaded when it runs (so `painel info` does not load the report engine). */
  load(): Promise<CommandRun>;
}

/** parseArgs that turns unknown flags into BAD_INPUT (exit 2) with the command's usage. */
/** The CLI's own lines are English (like its errors); their counts, sizes and durations go through the one formatter. */
export const say = createFormatter({ locale: 'en' });

export function parse<T extends ParseArgsConfig['options']>(argv: string[], options: T, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new AppError('BAD_INPUT', `${err instanceof Error ? err.message : String(err)} — usage: ${usage}`);
  }
}

/** JSON with bigints as numbers and byte arrays summarised, for printing results. */
export function toPrintableJson(value: unknown, pretty = true): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (typeof v === 'bigint') return Number(v);
      if (v instanceof Uint8Array) return { bytes: v.length, base64: Buffer.from(v).toString('base64') };
      return v;
    },
    pretty ? 2 : undefined,
  );
}
