/**
 * `anvil vendor-deps FOLDER`: what an app that vendored a generated client folder must add to its
 * own package.json. The folder's package.json lists the runtime's packages (dependencies) and the
 * compiler and Node types it was checked with (devDependencies), each at one exact version. They
 * belong in the app's package.json, not in a node_modules inside the folder: once the app is
 * compiled to JavaScript, Node resolves the folder's imports from the app's node_modules.
 */
import { AnvilError } from "./errors.js";

/** The packages a client folder declares. */
export interface FolderDependencies {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** What `addToApp` changed or left, one line each, for the user to read. */
export interface VendorChanges {
  /** The new package.json text (unchanged when nothing was added). */
  text: string;
  lines: string[];
}

/** Reads a generated folder's package.json text (named `file` in errors). */
export function folderDependencies(text: string, file: string): FolderDependencies {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    throw new AnvilError("usage", {
      message: `${file} is not valid JSON`,
      hint: "Pass a folder anvil generated (it holds a package.json)",
    });
  }
  const p = pkg as { name?: unknown; dependencies?: unknown; devDependencies?: unknown } | null;
  if (typeof p?.name !== "string" || !p.name.startsWith("@anvil-generated/")) {
    throw new AnvilError("usage", {
      message: `${file} is not the package.json of a folder anvil generated`,
      hint: "Pass the vendored client folder, e.g. src/vendor/frauddetector",
    });
  }
  return { dependencies: stringRecord(p.dependencies), devDependencies: stringRecord(p.devDependencies) };
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}

/** The npm commands that add the folder's packages to an app at their exact versions. */
export function installCommands(deps: FolderDependencies): string[] {
  const list = (r: Record<string, string>) =>
    Object.entries(r)
      .map(([name, version]) => `${name}@${version}`)
      .join(" ");
  const lines: string[] = [];
  if (Object.keys(deps.dependencies).length > 0) lines.push(`npm install --save-exact ${list(deps.dependencies)}`);
  if (Object.keys(deps.devDependencies).length > 0)
    lines.push(`npm install --save-dev --save-exact ${list(deps.devDependencies)}`);
  return lines;
}

/**
 * Adds the folder's packages to the app's package.json text. Runtime packages are set to the
 * folder's exact version (the one its code was tested with), replacing another version the app
 * had; compile-time packages (TypeScript, Node types) are added only when the app has none, since
 * the app's own compiler choice wins. The file keeps its indentation and final newline.
 */
export function addToApp(appText: string, file: string, deps: FolderDependencies): VendorChanges {
  let app: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(appText);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    app = parsed as Record<string, unknown>;
  } catch {
    throw new AnvilError("usage", {
      message: `${file} is not a package.json (a JSON object)`,
      hint: "Run it in your app's folder, or pass --package FILE",
    });
  }
  const lines: string[] = [];
  const section = (key: "dependencies" | "devDependencies") => {
    const current = stringRecord(app[key]);
    app[key] = current;
    return current;
  };
  const runtime = section("dependencies");
  for (const [name, version] of Object.entries(deps.dependencies)) {
    if (runtime[name] === version) lines.push(`kept ${name}@${version}`);
    else {
      lines.push(
        runtime[name] === undefined
          ? `added ${name}@${version}`
          : `changed ${name} from ${runtime[name]} to ${version}`,
      );
      runtime[name] = version;
    }
  }
  const dev = section("devDependencies");
  for (const [name, version] of Object.entries(deps.devDependencies)) {
    const own = dev[name] ?? runtime[name];
    if (own === undefined) {
      dev[name] = version;
      lines.push(`added ${name}@${version} (devDependencies)`);
    } else if (own !== version) lines.push(`kept your ${name} ${own} (the folder was checked with ${version})`);
    else lines.push(`kept ${name}@${version}`);
  }
  for (const key of ["dependencies", "devDependencies"] as const) app[key] = sortedRecord(stringRecord(app[key]));
  const indent = /^[ \t]+(?=")/m.exec(appText)?.[0] ?? "  ";
  const text = `${JSON.stringify(app, null, indent)}${appText.endsWith("\n") ? "\n" : ""}`;
  return { text, lines };
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
