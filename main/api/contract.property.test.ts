// Property test: random and malformed inputs at every contract method through the dispatcher. Every answer is a
// typed error or a valid result, nothing crashes, and rejected calls leave the database unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contract } from '../../shared/api/index';
import { ERROR_CODES } from '../../shared/errors';
import { CANONICAL_TABLES } from '../../shared/types';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { CONTRACT_SAMPLES } from './contractSamples';

const RUNS = Number(process.env.PAINEL_PROPERTY_RUNS ?? 1000);
let t: TestEngine;
const tried: Record<string, number> = {};

beforeAll(async () => {
  t = await openTestEngine();
  await t.engine.db.run(`INSERT INTO customers (customer_id, name, email) VALUES ('c1', 'Ana Conceição', 'ana@example.com'), ('c2', 'João', NULL)`);
  await t.engine.db.run(`INSERT INTO sales (sale_id, status, occurred_at, total_amount, customer_id) VALUES ('s1', 'completed', '2026-10-01 12:00:00+00', 100.00, 'c1')`);
});
afterAll(() => {
  t.close();
  console.log(`property inputs tried per method: ${JSON.stringify(tried)}`);
});

/** The business's data and bookkeeping; derived caches (RFM snapshots, value scores) may be rebuilt by reads. */
const GUARDED = [...CANONICAL_TABLES, 'settings', 'sources', 'sync_state', 'customer_identity', 'customer_identity_splits', 'import_rejects', 'import_log'];

/** A fingerprint of the guarded tables: row counts and a content hash. */
async function fingerprint(): Promise<string> {
  const parts = await Promise.all(GUARDED.map((name) => t.engine.db.all<{ n: bigint; h: bigint }>(`SELECT count(*) AS n, sum(hash(t::VARCHAR)) AS h FROM "${name}" t`).then((r) => `${name}:${r[0].n}:${r[0].h}`)));
  return parts.join('|');
}

/** Hostile strings: SQL metacharacters, paths, huge, control characters, prototype keys. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("'; DROP TABLE sales; --", '" OR 1=1 --', '../../../../etc/passwd', '\u0000', '%_\\', '__proto__', 'constructor', '$1', 'sales"; DELETE FROM sales; --', '/dev/zero', 'x'.repeat(10_000)),
);
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.object({ maxDepth: 2 }), fc.constantFrom(-1, 1e308, Number.MAX_SAFE_INTEGER, -0));

/** Mutates a valid sample: replaces, drops or adds one field (top level or nested one down). */
function mutations(sample: unknown): fc.Arbitrary<unknown> {
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return fc.anything();
  const keys = Object.keys(sample as object);
  const base = sample as Record<string, unknown>;
  const arbs: fc.Arbitrary<unknown>[] = [
    fc.record({ k: hostileString, v: hostileValue }).map(({ k, v }) => ({ ...base, [k]: v })),
  ];
  if (keys.length) {
    arbs.push(fc.record({ k: fc.constantFrom(...keys), v: hostileValue }).map(({ k, v }) => ({ ...base, [k]: v })));
    arbs.push(fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([x]) => x !== k))));
  }
  return fc.oneof(...arbs);
}

describe('every contract method under random input', () => {
  for (const method of Object.keys(contract)) {
    it(`${method}: ${RUNS} random inputs give typed errors or results`, async () => {
      const inputs = fc.oneof(fc.anything(), mutations(CONTRACT_SAMPLES[method]));
      let before = await fingerprint();
      let sinceCheck = 0;
      let acceptedInBatch = false;
      tried[method] = 0;
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          tried[method]++;
          const r = await t.dispatcher.call(method, input);
          t.engine.jobs.cancelAll();
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(ERROR_CODES).toContain(r.error.code);
            expect(typeof r.error.message).toBe('string');
            expect(r.error.code, `${method} crashed on ${JSON.stringify(input)?.slice(0, 200)}: ${r.error.message}`).not.toBe('INTERNAL');
          } else acceptedInBatch = true;
          if (++sinceCheck >= 100) {
            const now = await fingerprint();
            if (!acceptedInBatch) expect(now, `${method}: rejected calls changed the database`).toBe(before);
            before = now;
            sinceCheck = 0;
            acceptedInBatch = false;
          }
        }),
        { numRuns: RUNS, seed: 20261121 },
      );
      expect(tried[method]).toBeGreaterThanOrEqual(RUNS);
    }, 300_000);
  }
});
