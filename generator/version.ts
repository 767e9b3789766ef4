/** The generator's name and version, as written in every generated file's header. */
export const GENERATOR_NAME = "anvil";
export const GENERATOR_VERSION = "0.1.0";

/**
 * npm packages the code in generator/runtime/ needs at run time: declared in each generated
 * client's package.json so a vendored folder installs what it imports.
 */
export const RUNTIME_DEPENDENCIES: Record<string, string> = { aws4fetch: "^1.0.20" };
