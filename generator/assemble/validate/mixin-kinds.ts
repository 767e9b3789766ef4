/**
 * Mixin rules that depend on what kind of shape the mixin is: a shape may only use mixins of its
 * own type, an operation mixin cannot have input or output, and a resource mixin cannot have
 * properties (https://smithy.io/2.0/spec/mixins.html).
 */
import type { Diagnostic } from "../../errors.js";
import type { Shape } from "../model.js";

const MIXIN = "smithy.api#mixin";
const UNIT = "smithy.api#Unit";

/** Reports every mixin of the wrong type and every operation or resource mixin that says too much. */
export function checkMixinKinds(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  for (const s of shapes.values()) {
    if (s.prelude) continue;
    const wrong = s.mixins.filter((id) => {
      const m = shapes.get(id);
      return m !== undefined && m.type !== s.type;
    });
    if (wrong.length > 0) {
      problems.push({
        message: `Mixins may only be mixed into shapes of the same type. The following mixins were applied to the ${s.type} shape \`${s.id}\` which are not ${s.type} shapes: [${wrong.map((w) => `\`${w}\``).join(", ")}]`,
        location: s.location,
        shapeId: s.id,
        hint: `Use ${s.type} mixins only, or change ${s.id}'s type`,
      });
    }
    if (s.traits[MIXIN] === undefined) continue;
    if (
      s.type === "operation" &&
      ((s.input !== undefined && s.input !== UNIT) || (s.output !== undefined && s.output !== UNIT))
    ) {
      problems.push({
        message: `Operation shapes with the mixin trait MUST target \`${UNIT}\` for their input and output. Operation mixin shape \`${s.id}\` defines one or both of these properties.`,
        location: s.location,
        shapeId: s.id,
        hint: "Give input and output to the operations that use the mixin",
      });
    }
    if (s.type === "resource" && definesResourceProperties(s)) {
      problems.push({
        message: `Resource shapes with the mixin trait may not define any properties. Resource mixin shape \`${s.id}\` defines one or more properties.`,
        location: s.location,
        shapeId: s.id,
        hint: "A resource mixin carries traits only: move identifiers, properties, lifecycle operations, operations and resources to the resources that use it",
      });
    }
  }
}

/** Whether a resource binds anything: identifiers, properties, lifecycle operations, operations or resources. */
function definesResourceProperties(s: Shape): boolean {
  const nonEmpty = (v: object | undefined) => v !== undefined && Object.keys(v).length > 0;
  return (
    nonEmpty(s.identifiers) ||
    nonEmpty(s.properties) ||
    nonEmpty(s.operations) ||
    nonEmpty(s.resources) ||
    s.put !== undefined ||
    s.create !== undefined ||
    s.read !== undefined ||
    s.update !== undefined ||
    s.delete !== undefined ||
    s.list !== undefined
  );
}
