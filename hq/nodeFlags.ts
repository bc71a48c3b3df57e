// The V8 flags HQ's server runs with: package.json's "hq" script passes them, and so does every HQ
// process the tests and benchmarks start (test/sync/spawn.ts); test/hq/nodeFlags.test.ts keeps the two
// in step. A push of 1,000 rows allocates ~23 MB. With V8's default young generation (16 MB halves)
// what a push still holds was copied out at each collection into old-generation pages fresh from the
// kernel. A province's first push, HQ in its own process, three interleaved runs: 28–30k page faults
// against 63–65k, HQ's time 3.20 / 3.52 / 3.78 s against 3.89 / 3.75 / 4.52 s. 64 MB faulted more
// (44–47k) and was slower. The thousand-device load could not be told apart: p95 lower in 4 of 7
// interleaved pairs, the median higher (2,031 ms against 1,893 ms without).
export const HQ_NODE_FLAGS = ['--max-semi-space-size=32'] as const;
