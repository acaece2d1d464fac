// AppError: the engine's thrown error with a contract error code; the dispatcher turns it into a value.
import type { ErrorCode, PainelErrorData } from '../../shared/errors';

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): PainelErrorData {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

/** Any thrown value as contract error data; unknown errors become INTERNAL with their message. */
export function toErrorData(err: unknown): PainelErrorData {
  if (err instanceof AppError) return err.toData();
  if (err && typeof err === 'object' && 'name' in err && (err as Error).name === 'AbortError') {
    return { code: 'CANCELLED', message: 'cancelled' };
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/^(Binder|Parser|Catalog|Conversion|Constraint|Invalid Input|Out of Range|TransactionContext|IO) Error/.test(message)) {
    return { code: 'DB', message };
  }
  return { code: 'INTERNAL', message };
}
