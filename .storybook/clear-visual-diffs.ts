// Before a run, remove the -actual/-diff/-reference images an earlier failed comparison left beside the baselines,
// so every such image on disk belongs to this run.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function clearVisualDiffs(): void {
  const dir = join(import.meta.dirname, '../stories/__screenshots__');
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (/-(actual|diff|reference)\.png$/.test(entry)) rmSync(join(dir, entry));
  }
}
