// A React hook over `call`: loads a contract method's result, drops stale answers, and reloads when the
// engine says data changed (so every open view refreshes itself after an import, sync or demo load).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contract, InputOf, MethodName, ResultOf } from '../../../shared/api/index';
import type { PainelErrorData } from '../../../shared/errors';
import { useAppStore } from '../state/appStore';
import { call } from './client';

export interface CallState<T> {
  data: T | null;
  error: PainelErrorData | null;
  loading: boolean;
  reload(): void;
}

/** `input` null means "not yet" (nothing is called). */
export function useCall<M extends MethodName>(method: M, input: InputOf<Contract[M]> | null, opts: { live?: boolean; low?: boolean } = {}): CallState<ResultOf<Contract[M]>> {
  const live = opts.live ?? true;
  const low = opts.low ?? false;
  const dataVersion = useAppStore((s) => (live ? s.dataVersion : 0));
  const [state, setState] = useState<{ data: ResultOf<Contract[M]> | null; error: PainelErrorData | null; loading: boolean }>({ data: null, error: null, loading: input !== null });
  const [nonce, setNonce] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const seq = useRef(0);

  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    call(method, JSON.parse(key) as InputOf<Contract[M]>, ctrl.signal, { low })
      .then((r) => {
        if (mine !== seq.current) return;
        setState(r.ok ? { data: r.value, error: null, loading: false } : { data: null, error: r.error, loading: false });
      })
      .catch((err: unknown) => {
        if (mine !== seq.current || ctrl.signal.aborted) return;
        setState({ data: null, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }, loading: false });
      });
    return () => ctrl.abort();
  }, [method, key, dataVersion, nonce, low]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
