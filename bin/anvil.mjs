#!/usr/bin/env node
// The installed `anvil` command. anvil is written in TypeScript and ships as source. Three ways
// in, cheapest first, each in this one process:
// 1. The seal's shortcut, plain JavaScript: an up-to-date `generate` or `generate --check` is
//    answered without loading the generator at all (generator/seal/fast-path.mjs).
// 2. The prebuilt bundle of the generator (dist/cli.mjs, built by npm's `prepare` script), when it
//    was built from the sources on disk (generator/bundle/bundle.mjs).
// 3. Otherwise tsx's loader is registered (Node 20 cannot run .ts files) and the CLI's sources run.
//    tsx is one of anvil's dependencies, so it is found from here however npm laid out the project.
import { pathToFileURL } from "node:url";
import { runSealed } from "../generator/seal/fast-path.mjs";
import { freshBundle } from "../generator/bundle/bundle.mjs";

const code = await runSealed(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
else {
  const bundle = freshBundle();
  if (bundle !== undefined) await import(pathToFileURL(bundle).href);
  else {
    const { register } = await import("tsx/esm/api");
    register();
    await import("../generator/cli.ts");
  }
}
