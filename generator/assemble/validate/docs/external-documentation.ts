/**
 * Smithy's check of `@externalDocumentation` values, made when its Java trait class is built:
 * each value must be a URL `java.net.URL` accepts, that is one with a protocol the JDK has a
 * handler for. Smithy reports it as an error creating the trait (event `Model`).
 */
import type { TraitValidationContext } from "../traits/context.js";

const EXTERNAL_DOCUMENTATION = "smithy.api#externalDocumentation";

/** The protocols java.net.URL knows without extra handlers. */
const JAVA_URL_PROTOCOLS: ReadonlySet<string> = new Set(["http", "https", "ftp", "file", "jar", "mailto", "jrt"]);

/** Whether `java.net.URL` would accept `text` (its protocol, the part before the first `:`). */
export function isJavaUrl(text: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1];
  return scheme !== undefined && JAVA_URL_PROTOCOLS.has(scheme.toLowerCase());
}

/** Every `@externalDocumentation` entry whose value is not a URL. */
export function checkExternalDocumentation(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const value = holder.traits[EXTERNAL_DOCUMENTATION];
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    for (const [name, url] of Object.entries(value)) {
      if (typeof url !== "string" || isJavaUrl(url)) continue;
      ctx.report(holder, EXTERNAL_DOCUMENTATION, {
        eventId: "Model",
        message: `Error creating trait \`externalDocumentation\`: Each externalDocumentation value must be a valid URL. Found "${url}" for name "${name}"`,
      });
    }
  }
}
