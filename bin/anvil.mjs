#!/usr/bin/env node
// The installed `anvil` command. anvil is written in TypeScript and ships as source (there is no
// build step to keep in sync with it); Node 20 cannot run .ts files, so this shim registers tsx's
// loader in this process (no second Node start-up) and then runs the CLI. tsx is one of anvil's
// dependencies, so it is found from here however npm laid out the installing project.
import { register } from "tsx/esm/api";

register();
await import("../generator/cli.ts");
