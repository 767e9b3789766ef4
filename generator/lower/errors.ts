/**
 * The classes of errors.ts: one per modeled error, extending the service's base exception.
 *
 * Class members come from one scope per class: what an Error and a ServiceException already have
 * (`name`, `message`, `stack`, `cause`, `code`, `$fault`, `$metadata`, `$retryable`, and every
 * name objects inherit) is claimed first; then members whose names are free keep them, in model
 * order; then the others get a `Value` suffix, then numbers (`code` -> `codeValue`, or
 * `codeValue2` when the error also has a member `codeValue`).
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { splitId } from "../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code } from "../code/index.js";
import type { ErrorFieldIR, ErrorIR } from "./ir.js";
import { memberDoc, shapeDoc } from "./member-docs.js";
import { NameScope, propertyKey } from "./naming.js";
import { isRequiredMember, typeOf, type ShapeSymbols } from "./type-expressions.js";

/** Names an error class already has, from Error, ServiceException and Object.prototype. */
const ERROR_CLASS_MEMBERS = [
  "constructor",
  "name",
  "message",
  "stack",
  "cause",
  "code",
  "$fault",
  "$metadata",
  "$retryable",
  "__proto__",
  ...Object.getOwnPropertyNames(Object.prototype),
];

/**
 * An error class. Its constructor takes the response's facts (`init`) and the members as they
 * are (`fields`): the protocol's generated error deserializer reads them from the response (see
 * protocols/), and without a client a transport of the user's own can build it the same way.
 */
export function lowerError(model: Model, s: Shape, symbols: ShapeSymbols): ErrorIR {
  const retryable = s.traits["smithy.api#retryable"];
  const members = s.members.filter((m) => m.name.toLowerCase() !== "message");
  const keys = classMemberNames(members);
  const fields: ErrorFieldIR[] = members.map((m) => {
    const type = typeOf(model, m.target, symbols);
    const memberKey = JSON.stringify(m.name);
    return {
      key: keys.get(m) as string,
      memberKey,
      type,
      optional: !isRequiredMember(m),
      doc: memberDoc(model, m),
      read: code`fields[${memberKey}]`,
    };
  });
  const constructorInput = fields.length > 0 ? code`, fields: { ${joinFieldTypes(fields)} }` : code``;
  const fault = s.traits["smithy.api#error"] === "server" ? "server" : "client";
  return {
    name: symbols[s.id].name,
    wireCode: splitId(s.id).name,
    fault,
    retryable:
      retryable === undefined
        ? undefined
        : {
            throttling:
              typeof retryable === "object" &&
              retryable !== null &&
              !Array.isArray(retryable) &&
              retryable.throttling === true,
          },
    doc: shapeDoc(s, "The error"),
    fields,
    constructorInput: code`init: ${typeRef(runtime.errors("ErrorInit"))}${constructorInput}`,
    superInit: code`${valueRef(runtime.errors("modeledErrorInit"))}(init, ${JSON.stringify(splitId(s.id).name)}, ${JSON.stringify(fault)})`,
  };
}

/** `"a"?: T | undefined; "b": U` for the constructor's `fields` parameter. */
function joinFieldTypes(fields: ErrorFieldIR[]): Code {
  return fields.reduce<Code>(
    (acc, f, i) =>
      code`${acc}${i > 0 ? " " : ""}${f.memberKey}${f.optional ? "?" : ""}: ${f.type}${f.optional ? " | undefined" : ""};`,
    code``,
  );
}

/** Each member's class property name (see the module comment for the order of claims). */
function classMemberNames(members: Member[]): Map<Member, string> {
  // Property names may be keywords or globals (`type`, `Date`): only the class's own names are taken.
  const scope = new NameScope(ERROR_CLASS_MEMBERS, { identifiersOnly: false });
  const out = new Map<Member, string>();
  const clashing: Member[] = [];
  for (const m of members) {
    if (scope.isBlocked(m.name)) clashing.push(m);
    else out.set(m, propertyKey(scope.claim(m.name, "Value")));
  }
  for (const m of clashing) out.set(m, propertyKey(scope.claim(m.name, "Value")));
  return out;
}
