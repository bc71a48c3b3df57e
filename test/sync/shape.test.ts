// Which tables a store must re-pull after an upgrade: new ones, and ones that gained a column.
import { expect, it } from 'vitest';
import { grownTables, parseShape } from '../../shared/sync/shape.js';

it('names new tables and tables with new columns, nothing else', () => {
  const before = { outlets: ['name', 'scope_path'], people: ['name'] };
  expect(grownTables(before, before)).toEqual([]);
  expect(grownTables(before, { ...before, reviews: ['analysis'] })).toEqual(['reviews']);
  expect(grownTables(before, { outlets: ['name', 'scope_path', 'channel_type'], people: ['name'] })).toEqual(['outlets']);
  // A column or table gone (a downgrade) needs nothing pulled.
  expect(grownTables(before, { outlets: ['name'] })).toEqual([]);
});

it('reads a stored shape, refusing what is not one', () => {
  expect(parseShape('{"outlets":["name"]}')).toEqual({ outlets: ['name'] });
  expect(parseShape(null)).toBeNull();
  expect(parseShape('not json')).toBeNull();
  expect(parseShape('["outlets"]')).toBeNull();
  expect(parseShape('{"outlets":[1]}')).toBeNull();
});
