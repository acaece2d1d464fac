// CSV bytes DuckDB's reader cannot take as they are, fixed in one streaming pass into a temporary UTF-8 copy:
// Latin-1 / Windows-1252 text (DuckDB's own latin-1 reader refuses 0x80-0x9F, such as “ ” – €) and mixed line
// endings (a row appended by another program with other line breaks), which DuckDB refuses as a whole file.
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface CsvSourceCopy {
  path: string;
  cleanup: () => void;
}

/** True when a file ends its lines in more than one way (LF, CRLF, lone CR); one pass over the bytes. */
export function hasMixedLineEndings(path: string): boolean {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let prevCr = false;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      for (let i = buf.indexOf(0x0d); i !== -1 && i < n; i = buf.indexOf(0x0d, i + 1)) cr++;
      for (let i = buf.indexOf(0x0a); i !== -1 && i < n; i = buf.indexOf(0x0a, i + 1)) {
        lf++;
        if (i > 0 ? buf[i - 1] === 0x0d : prevCr) crlf++;
      }
      prevCr = buf[n - 1] === 0x0d;
    }
  } finally {
    closeSync(fd);
  }
  const loneCr = cr - crlf;
  const loneLf = lf - crlf;
  return [loneCr, loneLf, crlf].filter((x) => x > 0).length > 1;
}

/** Writes a UTF-8 copy with every line ending as LF (and Windows-1252 decoded when `latin1`). */
export async function normalizedCopy(path: string, latin1: boolean, fixLineEndings: boolean): Promise<CsvSourceCopy> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-utf8-'));
  const out = join(dir, 'data.csv');
  // WHATWG's "latin1" label decodes as Windows-1252, which is what Brazilian spreadsheets write.
  const decoder = latin1 ? new TextDecoder('windows-1252') : null;
  let pendingCr = false;
  const lines = (s: string): string => {
    if (!fixLineEndings) return s;
    let t = (pendingCr && s.startsWith('\n') ? s.slice(1) : s).replace(/\r\n?/g, '\n');
    pendingCr = s.endsWith('\r');
    if (pendingCr) t = t.slice(0, -1) + '\n';
    return t;
  };
  // UTF-8 input stays bytes (a stray invalid byte must still reach DuckDB, which reports it on its line).
  const fixBytes = (chunk: Buffer): Buffer => {
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let o = 0;
    let i = 0;
    if (pendingCr && chunk[0] === 0x0a) i = 1;
    pendingCr = false;
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b !== 0x0d) out[o++] = b;
      else if (i + 1 === chunk.length) {
        out[o++] = 0x0a;
        pendingCr = true;
      } else if (chunk[i + 1] !== 0x0a) out[o++] = 0x0a;
    }
    return out.subarray(0, o);
  };
  const fix = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!decoder) return done(null, fixLineEndings ? fixBytes(chunk) : chunk);
      done(null, Buffer.from(lines(decoder.decode(chunk, { stream: true })), 'utf8'));
    },
    flush(done) {
      done(null, decoder ? Buffer.from(lines(decoder.decode()), 'utf8') : Buffer.alloc(0));
    },
  });
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), fix, createWriteStream(out));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { path: out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a UTF-8 copy of a Windows-1252 file; returns its path and a cleanup function. */
export function transcodeToUtf8(path: string): Promise<CsvSourceCopy> {
  return normalizedCopy(path, true, hasMixedLineEndings(path));
}

/** The file itself when DuckDB can read it as it is, else a fixed copy. */
export async function readableCsv(path: string, encoding: 'utf-8' | 'latin-1'): Promise<CsvSourceCopy> {
  const mixed = hasMixedLineEndings(path);
  if (encoding === 'utf-8' && !mixed) return { path, cleanup: () => undefined };
  return normalizedCopy(path, encoding === 'latin-1', mixed);
}
