/** A corpus outcome for the summary's tests: one model generated and clean, with `fields` over the defaults. */
import type { Outcome } from "../../bench/corpus/protocol.js";

/** A generated, clean model of one small file; `fields` replace the defaults. */
export function outcomeOf(fields: Partial<Outcome> & { model: string }): Outcome {
  return {
    loaded: true,
    generated: true,
    clean: true,
    files: 1,
    bytes: 1,
    lines: 1,
    validatorLines: 0,
    notes: [],
    events: { error: 0, danger: 0, warning: 0, note: 0 },
    counts: { paginators: 0, waiters: 0, compiledPaths: 0, clientsByProtocol: {}, leftOutOperations: {} },
    timings: {},
    ms: 1,
    maxRss: 0,
    ...fields,
  };
}
