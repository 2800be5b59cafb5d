import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** The repository root: the nearest directory above this file whose package.json is Fristvakt's (works from `scripts/` and `dist/scripts/`). */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fristvakt'
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No Fristvakt package.json above ${from}`);
    dir = parent;
  }
}
