/** Finding the models of a corpus folder. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every `.json` file under `dir`, sorted by path; dot-folders (tooling such as .scripts/) are skipped. */
export function findModels(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
