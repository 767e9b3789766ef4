/**
 * `@endpoint` host prefixes (`foo.{label}.`), filled from the input's `@hostLabel` members before
 * the host. Shipped only in folders whose operations have one (generated descriptors call
 * `hostPrefixOf`), so the client itself holds no host-prefix code.
 */
import { RequestValidationError } from "../errors.js";

/** One or more dot-separated DNS labels: letters, digits and inner hyphens, 1 to 63 characters each. */
const HOST_LABEL =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * Fills an `@endpoint` hostPrefix such as `foo.{label}.` from the input. Returns the prefix, or
 * the names of the `@hostLabel` members whose values cannot be part of a host name (missing, not
 * a string, or not DNS labels): those are refused rather than sent to an unintended host.
 */
export function expandHostPrefix(template: string, input: unknown): { prefix: string; invalid: string[] } {
  const invalid: string[] = [];
  if (!template.includes("{")) return { prefix: template, invalid };
  const prefix = template.replace(/\{([^}]*)\}/g, (_match, name: string) => {
    const value =
      typeof input === "object" && input !== null && Object.hasOwn(input, name)
        ? (input as Record<string, unknown>)[name]
        : undefined;
    if (typeof value === "string" && HOST_LABEL.test(value)) return value;
    invalid.push(name);
    return "";
  });
  return { prefix, invalid };
}

/**
 * The host prefix of `operation` for `input`; a label that is not a DNS label is a
 * `RequestValidationError` (nothing is sent), as it would otherwise become part of the host name.
 */
export function hostPrefixOf(template: string, operation: string, input: unknown): string {
  const { prefix, invalid } = expandHostPrefix(template, input);
  if (invalid.length === 0) return prefix;
  throw new RequestValidationError(
    operation,
    invalid.map((path) => ({
      path,
      constraint: "hostLabel",
      message:
        "Must be a DNS host label (letters, digits and inner hyphens, 1 to 63 characters, dot-separated): it becomes part of the host name",
    })),
  );
}
