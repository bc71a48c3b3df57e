// Hybrid logical clock: 48-bit Unix milliseconds + 16-bit counter + node id (the tie-break).
// Serialised as 12 + 4 lowercase hex digits followed by the node id, so that comparing two
// stamps as plain text orders them exactly like (ms, counter, node): the database and every
// JavaScript `<` agree without parsing.

export const HLC_MS_DIGITS = 12;
export const HLC_COUNTER_DIGITS = 4;
const PREFIX = HLC_MS_DIGITS + HLC_COUNTER_DIGITS;
const MAX_COUNTER = 0xffff;
const MAX_MS = 2 ** 48 - 1;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

export function encodeHlc(p: HlcParts): string {
  return p.ms.toString(16).padStart(HLC_MS_DIGITS, '0') + p.counter.toString(16).padStart(HLC_COUNTER_DIGITS, '0') + p.node;
}

const HLC_RE = /^[0-9a-f]{16}[0-9a-zA-Z._:-]{1,64}$/;

export function isHlc(s: unknown): s is string {
  return typeof s === 'string' && HLC_RE.test(s);
}

export function decodeHlc(s: string): HlcParts {
  if (!isHlc(s)) throw new Error(`not an HLC stamp: ${String(s).slice(0, 80)}`);
  return { ms: parseInt(s.slice(0, HLC_MS_DIGITS), 16), counter: parseInt(s.slice(HLC_MS_DIGITS, PREFIX), 16), node: s.slice(PREFIX) };
}

export const hlcMs = (s: string): number => parseInt(s.slice(0, HLC_MS_DIGITS), 16);
export const hlcNode = (s: string): string => s.slice(PREFIX);

/** The larger of two stamps ('' counts as "never written"). */
export const maxHlc = (a: string, b: string): string => (a >= b ? a : b);

/**
 * One node's clock. `now` is the physical time source (ms); `offset` corrects a device whose
 * clock is known to be off (learned from HQ's time in every response).
 */
export class Hlc {
  private ms = 0;
  private counter = 0;
  offset = 0;

  constructor(
    public node: string,
    private readonly now: () => number = Date.now,
  ) {}

  physical(): number {
    return Math.min(MAX_MS, Math.max(0, Math.round(this.now() + this.offset)));
  }

  /** A new stamp for a local event; strictly greater than every stamp issued or observed before. */
  tick(): string {
    const pt = this.physical();
    if (pt > this.ms) {
      this.ms = pt;
      this.counter = 0;
    } else this.bump();
    return encodeHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }

  /** Advances past a stamp (or a bare millisecond time) seen in a message. */
  observe(remote: string | number): void {
    const rm = typeof remote === 'number' ? remote : hlcMs(remote);
    const rc = typeof remote === 'number' ? 0 : parseInt(remote.slice(HLC_MS_DIGITS, PREFIX), 16);
    if (!Number.isFinite(rm)) return;
    if (rm > this.ms) {
      this.ms = Math.min(MAX_MS, rm);
      this.counter = rc;
    } else if (rm === this.ms && rc > this.counter) this.counter = rc;
  }

  /**
   * Winds the clock back to physical time. Only safe when nothing stamped by this clock is still
   * unsent (HQ has re-stamped all of it): a device whose clock ran days ahead uses it to stop
   * stamping the future once HQ has told it the right time.
   */
  rewind(): void {
    this.ms = this.physical();
    this.counter = 0;
  }

  /** The highest stamp this clock has issued or seen (to persist across restarts). */
  high(): string {
    return encodeHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      // Past the last millisecond a stamp has 13 digits and sorts before every other: refuse instead
      // (only a stamp observed at the end of time brings a clock here).
      if (this.ms >= MAX_MS) throw new Error('HLC exhausted: no stamp comes after the largest one');
      // 65 536 events in one millisecond: borrow the next millisecond rather than wrap.
      this.ms += 1;
      this.counter = 0;
    } else this.counter += 1;
  }
}
