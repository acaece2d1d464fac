// The shape of a CLI command and the helpers every command shares (engine opening, output, exit codes).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Engine, EngineOptions } from '../engine/engine';
import { AppError } from '../store/errors';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

export interface CliContext {
  io: CliIo;
  /** Opens the engine on --db / PAINEL_DB / the per-user default (once); options apply to the first open. */
  engine(options?: Partial<Omit<EngineOptions, 'dbPath'>>): Promise<Engine>;
  dbFlag: string | undefined;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** parseArgs that turns unknown flags into BAD_INPUT (exit 2) with the command's usage. */
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
