// The one dispatcher every transport calls: look up the method, validate the input, run it, return a value.
import type { Result } from '../../shared/errors';
import { contract } from '../../shared/api/index';
import type { Domain, MethodDef } from '../../shared/api/define';
import { handlers } from '../api/index';
import { toErrorData } from '../store/errors';
import type { Engine } from '../engine/engine';

type AnyHandler = (input: unknown, ctx: Engine) => Promise<unknown>;

export interface Dispatcher {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  methods(): string[];
}

export function createDispatcher(engine: Engine): Dispatcher {
  const defs = contract as unknown as Domain;
  const impl = handlers as unknown as Record<string, AnyHandler>;
  return {
    methods: () => Object.keys(defs),
    async call(method, input) {
      if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(defs, method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method: ${String(method).slice(0, 100)}` } };
      }
      const def = defs[method] as MethodDef;
      const parsed = def.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        // A refinement may carry its plain pt-BR/en words (params.text), shown to the person instead of the path.
        const issues = parsed.error.issues.map((i) => {
          const text = i.code === 'custom' ? (i.params as { text?: unknown } | undefined)?.text : undefined;
          return { path: i.path.map(String).join('.'), message: i.message, ...(text ? { text } : {}) };
        });
        const first = issues[0];
        return {
          ok: false,
          error: { code: 'BAD_INPUT', message: `invalid input for ${method}: ${first ? `${first.path || '(input)'}: ${first.message}` : 'rejected'}`, details: issues },
        };
      }
      try {
        const value = await impl[method](parsed.data, engine);
        return { ok: true, value };
      } catch (err) {
        const error = toErrorData(err);
        if (error.code === 'INTERNAL') engine.log(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return { ok: false, error };
      }
    },
  };
}
