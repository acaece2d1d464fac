// The HTTP wire format: JSON, or a frame of JSON plus raw byte blobs when a value holds Uint8Arrays
// (Arrow pages), so table pages cross loopback HTTP as bytes, not base64.

export const FRAME_CONTENT_TYPE = 'application/x-painel-frame';
const MAGIC = 0x504e4c31; // "PNL1"

type Json = unknown;

function extract(value: unknown, blobs: Uint8Array[]): Json {
  if (value instanceof Uint8Array) {
    blobs.push(value);
    return { $bin: blobs.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v) => extract(v, blobs));
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = extract(v, blobs);
    return out;
  }
  return value;
}

function restore(value: Json, blobs: Uint8Array[]): unknown {
  if (Array.isArray(value)) return value.map((v) => restore(v, blobs));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$bin === 'number' && Object.keys(o).length === 1) {
      const b = blobs[o.$bin];
      if (!b) throw new Error('frame refers to a missing blob');
      return b;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = restore(v, blobs);
    return out;
  }
  return value;
}

/** Encodes a value: JSON text when it holds no bytes, else a binary frame. */
export function encodeWire(value: unknown): { contentType: string; body: string | Uint8Array } {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(extract(value, blobs));
  if (blobs.length === 0) return { contentType: 'application/json; charset=utf-8', body: json };
  const jsonBytes = new TextEncoder().encode(json);
  const size = 12 + jsonBytes.length + blobs.reduce((s, b) => s + 4 + b.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, jsonBytes.length);
  out.set(jsonBytes, 8);
  let p = 8 + jsonBytes.length;
  view.setUint32(p, blobs.length);
  p += 4;
  for (const b of blobs) {
    view.setUint32(p, b.length);
    out.set(b, p + 4);
    p += 4 + b.length;
  }
  return { contentType: FRAME_CONTENT_TYPE, body: out };
}

/** Decodes a binary frame made by encodeWire. */
export function decodeFrame(buf: Uint8Array): unknown {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 12 || view.getUint32(0) !== MAGIC) throw new Error('not a Painel frame');
  const jsonLen = view.getUint32(4);
  const json = new TextDecoder().decode(buf.subarray(8, 8 + jsonLen));
  let p = 8 + jsonLen;
  const n = view.getUint32(p);
  p += 4;
  const blobs: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const len = view.getUint32(p);
    blobs.push(buf.slice(p + 4, p + 4 + len));
    p += 4 + len;
  }
  return restore(JSON.parse(json), blobs);
}
