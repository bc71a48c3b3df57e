// Reads every file under the given folders, as an intruder with the disk would, and reports where
// any of the needles (UTF-8 text, e.g. a citizen id, phone or name) appears in plain.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function findPlain(dirs: string[], needles: string[], skip: (path: string) => boolean = () => false): string[] {
  const hits: string[] = [];
  const bufs = needles.map((n) => [n, Buffer.from(n, 'utf8')] as const);
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const path = join(f.parentPath, f.name);
      if (!f.isFile() || skip(path)) continue;
      let bytes: Buffer;
      try {
        if (statSync(path).size > 512 * 1024 * 1024) continue;
        bytes = readFileSync(path);
      } catch {
        continue; // removed meanwhile, or not ours to read
      }
      for (const [n, b] of bufs) if (bytes.includes(b)) hits.push(`${path}: ${n}`);
    }
  }
  return hits;
}
