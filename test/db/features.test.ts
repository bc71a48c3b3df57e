// One feature, one folder: every operation is declared by exactly one feature's contract
// (shared/<feature>/contract.ts) and implemented by that same feature's handlers.ts — no
// operation is defined twice or replaced by a later spread.
import { describe, expect, it } from 'vitest';
import { featureHandlers, handlers } from '../../db/api/index.js';
import { contract, featureContracts } from '../../shared/contract/index.js';

describe('features', () => {
  it('declare each operation once, and implement exactly what they declare', () => {
    const seen = new Map<string, string>();
    for (const [feature, ops] of Object.entries(featureContracts)) {
      for (const op of Object.keys(ops)) {
        expect(seen.get(op), `${op} is declared by ${seen.get(op)} and ${feature}`).toBeUndefined();
        seen.set(op, feature);
      }
      const impl = featureHandlers[feature as keyof typeof featureHandlers];
      expect(Object.keys(impl).sort(), feature).toEqual(Object.keys(ops).sort());
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });
});
