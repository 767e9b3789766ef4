/** The generator's name and version, as written in every generated file's header. */
export const GENERATOR_NAME = "anvil";
export const GENERATOR_VERSION = "0.1.0";
