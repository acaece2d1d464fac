// Physical line numbers of CSV records. DuckDB numbers rows without counting newlines inside quoted fields, so
// rejected rows are located by one streaming pass that follows quotes, run only when a file has rejects.
import { createReadStream } from 'node:fs';

export interface LineRequest {
  /** 1-based ordinals of rows DuckDB returned (structurally valid records, in file order). */
  validOrdinals: number[];
  /** DuckDB's own line numbers of records it refused (header = 1, blank lines counted, quoted newlines not). */
  refusedLogicalLines: number[];
}

export interface LineAnswer {
  valid: Map<number, number>;
  refused: Map<number, number>;
}

/** Maps DuckDB row ordinals and refused-record lines to the physical line where each record starts. */
export async function physicalLines(path: string, req: LineRequest): Promise<LineAnswer> {
  const wanted = new Set(req.validOrdinals);
  const refusedSet = new Set(req.refusedLogicalLines);
  const answer: LineAnswer = { valid: new Map(), refused: new Map() };
  let remaining = wanted.size + refusedSet.size;
  if (remaining === 0) return answer;
  let inQuote = false;
  let phys = 1;
  let logical = 1;
  let atStart = true;
  let recordPhys = 1;
  let recordLogical = 1;
  let seenHeader = false;
  let ordinal = 0;
  const endRecord = () => {
    if (!seenHeader) {
      seenHeader = true;
      return;
    }
    if (refusedSet.has(recordLogical)) {
      answer.refused.set(recordLogical, recordPhys);
      remaining--;
    } else {
      ordinal++;
      if (wanted.has(ordinal)) {
        answer.valid.set(ordinal, recordPhys);
        remaining--;
      }
    }
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let skipBom = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let i = 0;
    if (skipBom) {
      skipBom = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    const n = chunk.length;
    for (; i < n; i++) {
      const b = chunk[i];
      if (b === 0x0a) {
        if (atStart) {
          logical++;
        } else if (!inQuote) {
          endRecord();
          logical++;
          atStart = true;
        }
        phys++;
      } else if (atStart) {
        if (b === 0x0d) continue;
        atStart = false;
        recordPhys = phys;
        recordLogical = logical;
        if (b === 0x22) inQuote = true;
      } else if (b === 0x22) {
        // A quote opens a quoted field only at the start of a field (a stray quote inside a value is text, as
        // DuckDB reads it); inside a quoted field every quote toggles ("" escapes come in pairs).
        const prev = chunk[i - 1];
        if (inQuote || prev === 0x2c || prev === 0x3b || prev === 0x09 || prev === 0x7c || prev === 0x22) inQuote = !inQuote;
      }
    }
    if (remaining <= 0) {
      stream.destroy();
      break;
    }
  }
  if (!atStart && remaining > 0) endRecord();
  return answer;
}
