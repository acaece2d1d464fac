// The one dispatcher every transport calls: look up the method, validate the input, check the paths the transport
// may name, run it, return a value. Handlers load per domain on first use, so a short command starts fast.
import type { Result } from '../../shared/errors';
import { contract } from '../../shared/api/index';
import type { Domain, MethodDef } from '../../shared/api/define';
import { toErrorData } from '../store/errors';
import type { Engine } from '../engine/engine';
import { checkPaths, forgetUploads, type PathGrants, type Transport } from './pathPolicy';

export type { Transport } from './pathPolicy';

type AnyHandler = (input: unknown, ctx: Engine) => Promise<unknown>;
type Handlers = Record<string, AnyHandler>;

/** Each domain's handler module (main/api/<domain>.ts); `main/api/index.ts` proves every method has one. */
const DOMAINS: Record<string, () => Promise<Handlers>> = {
  app: () => import('../api/app').then((m) => m.appHandlers as unknown as Handlers),
  jobs: () => import('../api/jobs').then((m) => m.jobsHandlers as unknown as Handlers),
  query: () => import('../api/query').then((m) => m.queryHandlers as unknown as Handlers),
  reports: () => import('../api/reports').then((m) => m.reportsHandlers as unknown as Handlers),
  settings: () => import('../api/settings').then((m) => m.settingsHandlers as unknown as Handlers),
  export: () => import('../api/export').then((m) => m.exportHandlers as unknown as Handlers),
  analytics: () => import('../api/analytics').then((m) => m.analyticsHandlers as unknown as Handlers),
  sync: () => import('../api/sync').then((m) => m.syncHandlers as unknown as Handlers),
  import: () => import('../api/import').then((m) => m.importHandlers as unknown as Handlers),
  demo: () => import('../api/demo').then((m) => m.demoHandlers as unknown as Handlers),
  identity: () => import('../api/identity').then((m) => m.identityHandlers as unknown as Handlers),
  agenda: () => import('../api/agenda').then((m) => m.agendaHandlers as unknown as Handlers),
  contacts: () => import('../api/contacts').then((m) => m.contactsHandlers as unknown as Handlers),
  goals: () => import('../api/contacts').then((m) => m.contactsHandlers as unknown as Handlers),
};

export interface Dispatcher {
  /** Who calls: the desktop window, a browser page on the loopback host, or this machine's own CLI/tests. */
  readonly transport: Transport;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  methods(): string[];
  /** Desktop: paths the person chose in a native dialog, which import and export calls may then name. */
  grant(paths: string[]): void;
}

/** A method name as the contract spells them: domain.name, letters and digits only. */
const METHOD_NAME = /^[a-z]+\.[A-Za-z0-9]+$/;

export function createDispatcher(engine: Engine, opts: { transport?: Transport } = {}): Dispatcher {
  const transport = opts.transport ?? 'local';
  const defs = contract as unknown as Domain;
  const loaded = new Map<string, Promise<Handlers>>();
  const grants: PathGrants = new Set();
  const handlerOf = async (method: string): Promise<AnyHandler> => {
    const domain = method.slice(0, method.indexOf('.'));
    let p = loaded.get(domain);
    if (!p) loaded.set(domain, (p = DOMAINS[domain]()));
    return (await p)[method];
  };
  return {
    transport,
    methods: () => Object.keys(defs),
    grant: (paths) => paths.forEach((p) => grants.add(p)),
    async call(method, input) {
      if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
        return { ok: false, error: { code: 'BAD_INPUT', message: `not a method name: ${JSON.stringify(String(method).slice(0, 100))}` } };
      }
      if (!Object.prototype.hasOwnProperty.call(defs, method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method: ${method}` } };
      }
      const def = defs[method] as MethodDef;
      const parsed = def.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
        const first = issues[0];
        return {
          ok: false,
          error: { code: 'BAD_INPUT', message: `invalid input for ${method}: ${first ? `${first.path || '(input)'}: ${first.message}` : 'rejected'}`, details: issues },
        };
      }
      try {
        checkPaths(engine, transport, grants, method, parsed.data);
        const value = await (await handlerOf(method))(parsed.data, engine);
        if (method === 'import.run' && transport === 'browser') forgetUploads(engine, value, parsed.data);
        return { ok: true, value };
      } catch (err) {
        const error = toErrorData(err);
        if (error.code === 'INTERNAL') engine.log(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return { ok: false, error };
      }
    },
  };
}
