/**
 * Which request checksum an operation sends, from its traits, as the AWS SDK v3 decides it:
 * - `aws.protocols#httpChecksum` with request properties (`requestChecksumRequired`,
 *   `requestAlgorithmMember`): the flexible checksum of runtime/features/checksum.ts
 *   (`x-amz-checksum-crc32` by default);
 * - `@httpChecksumRequired` alone: `Content-MD5` (runtime/features/content-md5.ts).
 * A client folder ships a feature module only when one of its operations uses it.
 */
import type { Model, Shape } from "../assemble/model.js";
import { getShape, splitId } from "../assemble/model.js";
import { code, runtime, valueRef, type Code } from "../code/index.js";
import { obj, str } from "./node-values.js";
import { UNIT } from "./type-expressions.js";

/** An operation's request checksum. */
export type RequestChecksumPlan =
  | { kind: "flexible"; required: boolean; algorithmMember: string | undefined; algorithmHeader: string | undefined }
  | { kind: "md5" };

/** The runtime feature module each kind of checksum needs. */
const MODULES: Readonly<Record<RequestChecksumPlan["kind"], string>> = {
  flexible: "features/checksum.ts",
  md5: "features/content-md5.ts",
};

/** The request checksum `op` sends, or undefined when it sends none. */
export function requestChecksumOf(model: Model, op: Shape): RequestChecksumPlan | undefined {
  const flexible = op.traits["aws.protocols#httpChecksum"];
  const t = obj(flexible);
  const member = str(t.requestAlgorithmMember);
  const required = t.requestChecksumRequired === true;
  if (flexible !== undefined && (required || member !== undefined)) {
    const input = op.input !== undefined && op.input !== UNIT ? getShape(model, op.input) : undefined;
    const header = str(input?.members.find((m) => m.name === member)?.traits["smithy.api#httpHeader"]);
    return { kind: "flexible", required, algorithmMember: member, algorithmHeader: header?.toLowerCase() };
  }
  if (op.traits["smithy.api#httpChecksumRequired"] !== undefined) return { kind: "md5" };
  return undefined;
}

/** The descriptor's `requestChecksum` entry for a plan. */
export function requestChecksumCode(op: Shape, plan: RequestChecksumPlan): Code {
  if (plan.kind === "md5") return code`(request) => ${valueRef(runtime.contentMd5("addContentMd5"))}(request)`;
  const spec = [`required: ${plan.required}`];
  if (plan.algorithmMember !== undefined) spec.push(`algorithmMember: ${JSON.stringify(plan.algorithmMember)}`);
  if (plan.algorithmHeader !== undefined) spec.push(`algorithmHeader: ${JSON.stringify(plan.algorithmHeader)}`);
  const name = JSON.stringify(splitId(op.id).name);
  return code`(request, input, when) => ${valueRef(runtime.checksum("addRequestChecksum"))}(request, input, { ${spec.join(", ")} }, ${name}, when)`;
}

/** The feature modules the plans need, sorted, each once. */
export function checksumRuntimeModules(plans: ReadonlyArray<RequestChecksumPlan | undefined>): string[] {
  const out = new Set<string>();
  for (const p of plans) if (p !== undefined) out.add(MODULES[p.kind]);
  return [...out].sort();
}
