// Handler types: each contract method's implementation receives the validated input and the engine context.
import type { Domain, ParsedInputOf, ResultOf } from '../../shared/api/define';
import type { Engine } from '../engine/engine';

export type Handler<M> = (input: ParsedInputOf<M>, ctx: Engine) => Promise<ResultOf<M>>;

export type Handlers<D extends Domain> = { [K in keyof D]: Handler<D[K]> };
