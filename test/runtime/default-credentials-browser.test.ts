/**
 * The browser twin of the default credential chain (swapped in by the folder's package.json
 * "browser" field): no environment, no shared files, a CredentialsError telling the caller to pass
 * `credentials`.
 */
import { describe, expect, it } from "vitest";
import { credentialsFromEnv, defaultCredentials } from "../../generator/runtime/default-credentials.browser.js";
import { CredentialsError } from "../../generator/runtime/errors.js";

describe("default-credentials.browser.ts", () => {
  it("reads no environment, even where process.env has AWS keys", () => {
    process.env["AWS_ACCESS_KEY_ID"] ??= "AKIDEXAMPLE";
    process.env["AWS_SECRET_ACCESS_KEY"] ??= "secret";
    try {
      expect(credentialsFromEnv()).toBeUndefined();
    } finally {
      if (process.env["AWS_ACCESS_KEY_ID"] === "AKIDEXAMPLE") delete process.env["AWS_ACCESS_KEY_ID"];
      if (process.env["AWS_SECRET_ACCESS_KEY"] === "secret") delete process.env["AWS_SECRET_ACCESS_KEY"];
    }
  });

  it("rejects with a CredentialsError that names the config key to set", async () => {
    const error = await defaultCredentials().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toContain("pass `credentials` in the client config");
  });
});
