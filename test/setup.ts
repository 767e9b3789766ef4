/**
 * Property tests run from a fixed seed, so CI sees the same cases on every run and a red build
 * always means a change. Set ANVIL_FUZZ_SEED to explore other cases (a failure prints its seed
 * and the shrunk counterexample; pin it in a test once fixed).
 */
import fc from "fast-check";

const seed =
  process.env.ANVIL_FUZZ_SEED === undefined
    ? 20261123
    : process.env.ANVIL_FUZZ_SEED === "random"
      ? Date.now()
      : Number(process.env.ANVIL_FUZZ_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
