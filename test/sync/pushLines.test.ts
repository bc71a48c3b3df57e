// A push written a write a line (shared/node/pushLines.ts) reads back line by line as exactly what the
// whole text parses to, with the whole text's length; anything laid out otherwise is left to the whole parse.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parsePushLines, pushBodyText } from '../../shared/node/pushLines.js';

const parse = (text: string) => JSON.parse(text) as unknown;
const read = (text: string) => parsePushLines(Buffer.from(text, 'utf8'), parse);

// Values as a device may hold them: Chinese, emoji, quotes, backslashes, newlines and other control characters.
const value = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('李\n四', '"引号"\\', '\u2028\u0000', '😀党建'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const write = fc.record({ s: fc.nat(), t: fc.constantFrom('people', 'outlets'), r: fc.uuid(), c: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value, { maxKeys: 12 }) });

it('reads a push line by line as the whole text parses, and counts the whole text', () => {
  fc.assert(
    fc.property(fc.array(write, { minLength: 1, maxLength: 40 }), (writes) => {
      const text = pushBodyText(writes);
      expect(text.split('\n')).toHaveLength(writes.length + 2);
      const got = read(text);
      expect(got?.value).toEqual(JSON.parse(text));
      expect(got?.length).toBe(text.length);
    }),
    { numRuns: 200 },
  );
});

it('leaves to the whole parse a body laid out otherwise, or with a line that does not parse alone', () => {
  const one = JSON.stringify({ s: 1, c: { name: '甲' } });
  const two = JSON.stringify({ s: 2, c: { name: '乙' } });
  for (const text of [
    JSON.stringify({ writes: [{ s: 1 }, { s: 2 }] }), // one line: an older device
    `{"writes":[\n${one},${two},\n${one}\n]}`, // two writes on a line
    `{"writes":[\n${one}\n${two}\n]}`, // a comma missing
    `{"writes":[\n${one},\n${two},\n]}`, // a comma too many
    `{"writes":[\n\n]}`, // no write
    `{"writes":[\n${one},\n\n${two}\n]}`, // an empty line
    `{"writes":[\r\n${one}\r\n]}`, // other line ends
    `{"writes":[\n${one}\n]}, "more": 1}`, // something after
    `{"writes":[\n{"s":1,\n"c":{}}\n]}`, // a write over two lines
    `{"writes":[\n${one}\n]`, // cut off
  ])
    expect(read(text), text).toBeUndefined();
});

it('refuses what the line parser refuses, so the whole parse answers for it', () => {
  const poisoned = `{"writes":[\n{"s":1,"c":{}},\n{"s":2,"__proto__":{"admin":true}}\n]}`;
  const guarded = (text: string) => {
    if (text.includes('__proto__')) throw new Error('prototype poisoning');
    return JSON.parse(text) as unknown;
  };
  expect(parsePushLines(Buffer.from(poisoned), guarded)).toBeUndefined();
  expect(parsePushLines(Buffer.from(poisoned), parse)?.value.writes).toHaveLength(2);
});
