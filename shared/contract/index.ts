// The API contract: every operation the renderer may call, in one map.
// Feature contracts are merged here; later issues add their own file and one spread.
import type { InputOf, OpDef, ResultOf } from './define.js';
import { censusContract } from './census.js';
import { orgLifeContract } from './orgLife.js';
import { registryContract } from './registry.js';
import { syncContract } from './sync.js';
import { systemContract } from './system.js';

export const contract = {
  ...systemContract,
  ...syncContract,
  ...registryContract,
  ...orgLifeContract,
  ...censusContract,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Input<K extends OpName> = InputOf<Contract[K]>;
export type Result<K extends OpName> = ResultOf<Contract[K]>;

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type { OpDef };
export * from './types.js';
