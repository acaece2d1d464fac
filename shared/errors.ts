// The closed list of error codes that cross every boundary (IPC, HTTP, CLI) as values.

export const ERROR_CODES = [
  'BAD_INPUT', // the input failed validation; details lists the issues
  'UNKNOWN_METHOD', // no such contract method
  'NOT_FOUND', // a named thing (table, report, job, file) does not exist
  'UNAUTHORIZED', // missing or wrong token
  'FORBIDDEN', // the caller may not do this (foreign origin, path outside the chosen folder)
  'CONFLICT', // the state does not allow it now (file exists, job already running)
  'CANCELLED', // the job was cancelled
  'UNAVAILABLE', // a source or service cannot be reached now (offline)
  'NOT_READY', // the feature exists but its data is not there yet
  'IO', // a file could not be read or written
  'DB', // the database refused or failed
  'SOURCE', // a source API answered with an error
  'INTERNAL', // a bug: anything not classified above
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as plain data: safe to send over IPC, HTTP and to print on the CLI. */
export interface PainelErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PainelErrorData };

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && (ERROR_CODES as readonly string[]).includes(x);
}

/** CLI exit code for an error: 2 for bad input, 1 for any other failure. */
export function exitCodeFor(code: ErrorCode): number {
  return code === 'BAD_INPUT' || code === 'UNKNOWN_METHOD' ? 2 : 1;
}
