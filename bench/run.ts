// npm run bench [-- --only <name>]: runs the registered benchmarks in sequence and prints a table.
import { parseArgs } from 'node:util';
import { runAll, type BenchDef } from './harness.js';
import assessment from './assessment.bench.js';
import consoleOverview from './console.bench.js';
import dues from './dues.bench.js';
import encryption from './encryption.bench.js';
import memberList from './memberList.bench.js';
import memberWarnings from './memberWarnings.bench.js';
import orglife from './orglife.bench.js';
import registry from './registry.bench.js';
import sync from './sync.bench.js';
import load1000 from './load1000.bench.js';
import work334 from './work334.bench.js';
import quiz from './quiz.bench.js';
import province from './province.bench.js';

// Register new benchmarks here (bench/<name>.bench.ts, default export from defineBench).
const BENCHMARKS: BenchDef[] = [memberList, orglife, registry, sync, assessment, encryption, work334, dues, load1000, consoleOverview, quiz, memberWarnings, province];

const { values } = parseArgs({ options: { only: { type: 'string' }, list: { type: 'boolean', default: false } } });
if (values.list) {
  for (const b of BENCHMARKS) console.log(`${b.name.padEnd(20)} ${b.description}`);
} else {
  const chosen = values.only ? BENCHMARKS.filter((b) => b.name === values.only) : BENCHMARKS;
  if (!chosen.length) {
    console.error(`No benchmark named "${values.only}". Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exitCode = 1;
  } else {
    await runAll(chosen);
  }
}
