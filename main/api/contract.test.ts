// The generic contract suite: every method is called through the dispatcher with a valid and with invalid inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/index';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { CONTRACT_SAMPLES } from './contractSamples';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
});
afterAll(() => t.close());

const methods = Object.keys(contract);

describe('contract', () => {
  it('has a sample valid input for every method', () => {
    const missing = methods.filter((m) => !(m in CONTRACT_SAMPLES));
    expect(missing).toEqual([]);
  });

  it('documents every method in one line', () => {
    for (const m of methods) {
      const doc = (contract as Record<string, { doc: string }>)[m].doc;
      expect(doc.length, m).toBeGreaterThan(10);
      expect(doc.includes('\n'), m).toBe(false);
    }
  });

  for (const method of methods) {
    it(`${method}: a valid input passes validation and never crashes`, async () => {
      const r = await t.dispatcher.call(method, CONTRACT_SAMPLES[method]);
      if (!r.ok) expect(['BAD_INPUT', 'UNKNOWN_METHOD', 'INTERNAL'], `${method}: ${r.error.message}`).not.toContain(r.error.code);
    });

    it(`${method}: malformed inputs get BAD_INPUT`, async () => {
      for (const bad of [null, 'text', 42, [], { __unknown_field: true }]) {
        const r = await t.dispatcher.call(method, bad);
        expect(r.ok, `${method} accepted ${JSON.stringify(bad)}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
      }
    });
  }

  it('refuses unknown methods with UNKNOWN_METHOD', async () => {
    const r = await t.dispatcher.call('nope.nothing', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // Not shaped like a method name at all (domain.name): bad input, not an unknown method.
    const proto = await t.dispatcher.call('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const inherited = await t.dispatcher.call('app.constructor', {});
    expect(inherited).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
