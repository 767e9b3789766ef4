/**
 * Form bodies of the query protocols (awsQuery, ec2Query): `Action` and `Version`, then each
 * member as `Name=value`, nested ones joined with dots, walking the schemas of xml/schema.ts.
 *
 * awsQuery: a member's name is its `@xmlName` (else the member name); lists are
 * `Name.member.1` (the list member's `@xmlName` in place of `member`), `Name.1` when
 * `@xmlFlattened`, and `Name=` when empty; maps are `Name.entry.1.key` / `.value` (key and value
 * `@xmlName`s honoured), `Name.1.key` when flattened, nothing when empty.
 * ec2Query: a member's name is `@ec2QueryName`, else its `@xmlName` or member name with the
 * first letter upper-cased (the generator works it out: `queryName`); every list is flattened
 * (`Name.1`) and an empty list sends nothing.
 */
import { idempotencyToken } from "../../serde.js";
import { percentEncode } from "../../uri.js";
import { ownMember, scalarText } from "./serde.js";
import { resolve, type MemberSchema, type Schema, type StructureSchema } from "./schema.js";

/** Which query dialect. */
export type QueryDialect = "awsQuery" | "ec2Query";

/** One form parameter: name and value, not yet encoded. */
export type QueryParam = readonly [name: string, value: string];

/** The whole form body: `Action=<operation>&Version=<version>` and the input's parameters. */
export function queryBody(
  dialect: QueryDialect,
  action: string,
  version: string,
  schema: StructureSchema | undefined,
  input: unknown,
): string {
  const params: QueryParam[] = [
    ["Action", action],
    ["Version", version],
  ];
  if (schema !== undefined && typeof input === "object" && input !== null) {
    structureParams(dialect, schema, input as Readonly<Record<string, unknown>>, "", params);
  }
  return params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
}

function structureParams(
  dialect: QueryDialect,
  s: StructureSchema,
  value: Readonly<Record<string, unknown>>,
  prefix: string,
  out: QueryParam[],
): void {
  for (const m of s.members) {
    let v = ownMember(value, m.name);
    if (v == null && m.idempotencyToken === true) v = idempotencyToken();
    if (v == null) continue;
    memberParams(dialect, m, v, `${prefix}${dialect === "ec2Query" ? (m.queryName ?? m.xmlName) : m.xmlName}`, out);
  }
}

function memberParams(dialect: QueryDialect, m: MemberSchema, v: unknown, name: string, out: QueryParam[]): void {
  const s = resolve(m.schema);
  if (s.kind === "list") {
    const items = (v as readonly unknown[]).filter((e) => e != null);
    if (items.length === 0) {
      if (dialect === "awsQuery") out.push([name, ""]);
      return;
    }
    const flat = dialect === "ec2Query" || m.flattened === true;
    const base = flat ? name : `${name}.${s.memberName}`;
    items.forEach((item, i) => valueParams(dialect, s.member, item, `${base}.${i + 1}`, out));
    return;
  }
  if (s.kind === "map") {
    const base = m.flattened === true ? name : `${name}.entry`;
    let i = 0;
    for (const key of Object.keys(v as object)) {
      const entry = (v as Readonly<Record<string, unknown>>)[key];
      if (entry == null) continue;
      i++;
      out.push([`${base}.${i}.${s.keyName}`, key]);
      valueParams(dialect, s.value, entry, `${base}.${i}.${s.valueName}`, out);
    }
    return;
  }
  valueParams(dialect, m.schema, v, name, out);
}

function valueParams(dialect: QueryDialect, schema: Schema, v: unknown, name: string, out: QueryParam[]): void {
  const s = resolve(schema);
  switch (s.kind) {
    case "structure":
    case "union":
      structureParams(dialect, s, v as Readonly<Record<string, unknown>>, `${name}.`, out);
      return;
    case "list":
    case "map":
      // A list or map directly inside a list or map: named as a member of that name would be.
      memberParams(dialect, { name: "", xmlName: "", schema }, v, name, out);
      return;
    default:
      out.push([name, scalarText(s, v, "date-time")]);
  }
}
