// A push request as the device writes it: ordinary JSON with each write on a line of its own.
// HQ can then read a large push line by line. Decoded whole, a push of 1,000 rows is one string of
// ~600,000 characters (two bytes each once a Chinese name is in it), which V8 places in memory of
// its own, fresh from the kernel, every time: a province's first push spent ~220 ms of HQ's time
// turning its 34 MB of bytes into text, against ~70 ms for the same bytes line by line.
// A raw newline cannot occur inside a JSON string, so every newline is whitespace between values.

const HEAD = '{"writes":[';
const TAIL = ']}';
const NL = 10;
const COMMA = 44;
const HEAD_BYTES = Buffer.from(`${HEAD}\n`);
const TAIL_BYTES = Buffer.from(`\n${TAIL}`);

/** The request's JSON text, one write a line. */
export function pushBodyText(writes: readonly unknown[]): string {
  return `${HEAD}\n${writes.map((w) => JSON.stringify(w)).join(',\n')}\n${TAIL}`;
}

/**
 * The request read line by line, with `parse` for each line: the same value as the whole text would
 * parse to, and the whole text's length. Undefined when the body is not laid out a write a line, or
 * when a line does not parse on its own: the caller then parses the whole text, which says what is wrong.
 */
export function parsePushLines(buf: Buffer, parse: (text: string) => unknown): { value: { writes: unknown[] }; length: number } | undefined {
  if (buf.length < HEAD_BYTES.length + TAIL_BYTES.length || !buf.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES) || !buf.subarray(buf.length - TAIL_BYTES.length).equals(TAIL_BYTES)) return undefined;
  const writes: unknown[] = [];
  let length = HEAD.length + 1 + TAIL.length;
  const last = buf.length - TAIL_BYTES.length; // the newline before the tail
  for (let at = HEAD_BYTES.length; at <= last; ) {
    const nl = buf.indexOf(NL, at);
    const more = nl < last;
    // Every line but the last ends with the comma before the next write; the last with none.
    const end = more ? nl - 1 : nl;
    if (end <= at || (more && buf[end] !== COMMA)) return undefined;
    const text = buf.toString('utf8', at, end);
    try {
      writes.push(parse(text));
    } catch {
      return undefined;
    }
    length += text.length + (more ? 2 : 1);
    at = nl + 1;
  }
  return { value: { writes }, length };
}
