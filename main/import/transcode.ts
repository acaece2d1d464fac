// Latin-1 / Windows-1252 CSV files are transcoded to a temporary UTF-8 copy in a streaming pass (DuckDB's own
// latin-1 reader refuses the Windows-1252 characters 0x80-0x9F, such as “ ” – €). Line breaks are unchanged.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Writes a UTF-8 copy of a Windows-1252 file; returns its path and a cleanup function. */
export async function transcodeToUtf8(path: string): Promise<{ path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-utf8-'));
  const out = join(dir, 'data.csv');
  // WHATWG's "latin1" label decodes as Windows-1252, which is what Brazilian spreadsheets write.
  const decoder = new TextDecoder('windows-1252');
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), toUtf8, createWriteStream(out));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { path: out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
