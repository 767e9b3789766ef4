/**
 * Smithy's loader warns when a Smithy 2.0 file applies the `@enum` trait (event
 * `ModelDeprecation`): 2.0 models should use the enum shape. The warning depends on the version
 * of the file the trait is written in, so it reads the loaded files, not the assembled shapes.
 */
import type { Diagnostic } from "../../../errors.js";
import type { LoadedFile } from "../../../load/ast.js";

const ENUM = "smithy.api#enum";
const MESSAGE = "The enum trait is deprecated. Smithy 2.0 models should use the enum shape.";

/** One warning per `@enum` written in a 2.0 file, on a shape definition or in an `apply`. */
export function warnEnumTraitIn2(files: LoadedFile[], problems: Diagnostic[]): void {
  for (const f of files) {
    if (!f.version.startsWith("2")) continue;
    for (const def of f.shapes) {
      if (def.shape.traits?.[ENUM] === undefined) continue;
      problems.push({
        message: MESSAGE,
        eventId: "ModelDeprecation",
        severity: "WARNING",
        shapeId: def.id,
        location: def.locateTrait?.(ENUM) ?? def.location,
        hint: "Write an `enum` shape",
      });
    }
    for (const apply of f.applies) {
      if (apply.traits[ENUM] === undefined) continue;
      problems.push({
        message: MESSAGE,
        eventId: "ModelDeprecation",
        severity: "WARNING",
        shapeId: apply.target,
        location: apply.locateTrait?.(ENUM) ?? apply.location,
        hint: "Write an `enum` shape",
      });
    }
  }
}
