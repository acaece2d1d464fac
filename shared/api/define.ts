// The building blocks of the contract: a method is a runtime input schema plus a phantom result type.
import type { z } from 'zod';

export interface MethodDef<I extends z.ZodType = z.ZodType, R = unknown> {
  /** One line: what the method does. */
  doc: string;
  input: I;
  /** Phantom: never set at run time, carries the result type. */
  readonly __result?: R;
}

export function method<R>() {
  return <I extends z.ZodType>(doc: string, input: I): MethodDef<I, R> => ({ doc, input });
}

export type Domain = Record<string, MethodDef>;

export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type ResultOf<M> = M extends MethodDef<z.ZodType, infer R> ? R : never;

type Merge<T extends Domain[]> = T extends [infer H extends Domain, ...infer R extends Domain[]] ? H & Merge<R> : unknown;
type NoDuplicates<T extends Domain[], Seen extends PropertyKey = never> = T extends [infer H extends Domain, ...infer R extends Domain[]]
  ? [keyof H & Seen] extends [never]
    ? NoDuplicates<R, Seen | keyof H>
    : { duplicateMethod: keyof H & Seen }
  : true;

/** Merges domains; a method name declared twice fails the type check and throws at load. */
export function defineContract<T extends Domain[]>(...domains: NoDuplicates<T> extends true ? T : never): Merge<T> {
  const out: Domain = {};
  for (const d of domains as Domain[]) {
    for (const [k, v] of Object.entries(d)) {
      if (k in out) throw new Error(`contract method declared twice: ${k}`);
      out[k] = v;
    }
  }
  return out as Merge<T>;
}
