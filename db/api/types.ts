import type { Contract, OpName, Result } from '../../shared/contract/index.js';
import type { ParsedOf } from '../../shared/contract/define.js';
import type { ApiContext } from '../context.js';

export type Handler<K extends OpName> = (ctx: ApiContext, input: ParsedOf<Contract[K]>) => Promise<Result<K>>;
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> };
