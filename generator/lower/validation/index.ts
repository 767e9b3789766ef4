/**
 * Validator planning (being written): decides, per shape in the closure, the checks the
 * generated validators.ts performs. Returns undefined while no validators are generated.
 */
import type { Model } from "../../assemble/model.js";
import type { Selection } from "../../select/index.js";

/** Everything templates/validators.ts.hbs prints. */
export interface ValidatorsIR {
  /** `validate<Name>` function name per input structure shape id (used by the client). */
  validatorNames: Record<string, string>;
}

/** Plans the validators of one client, or undefined when validators are not generated. */
export function lowerValidators(_model: Model, _selection: Selection, _names: Record<string, string>): ValidatorsIR | undefined {
  return undefined;
}
