/**
 * The default credential chain on Node: the environment first, then the shared AWS files
 * (`~/.aws/credentials`, `~/.aws/config`) in the profile AWS_PROFILE names, read by the AWS SDK's
 * `fromIni`. Every test runs with HOME pointing at a temporary folder it writes itself, and with
 * the variables that could point elsewhere removed, so the machine's own files never count.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../../generator/runtime/errors.js";
import { sendEvent, validInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient, rejectionOf, setEnv } from "./helpers.js";

const server = await loopbackServerForFile();
let home: string;
let restore: () => void;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "anvil-home-"));
  mkdirSync(join(home, ".aws"));
  restore = setEnv({
    HOME: home,
    USERPROFILE: home,
    AWS_PROFILE: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_SHARED_CREDENTIALS_FILE: undefined,
    AWS_CONFIG_FILE: undefined,
  });
});
afterEach(() => {
  restore();
  rmSync(home, { recursive: true, force: true });
});

const credentialsFile = (text: string) => writeFileSync(join(home, ".aws", "credentials"), text);
const configFile = (text: string) => writeFileSync(join(home, ".aws", "config"), text);

/** The access key id the server saw in the Authorization header of the only request. */
function signedWith(): string | undefined {
  expect(server.requests).toHaveLength(1);
  return /Credential=([^/]+)\//.exec(String(server.requests[0]?.headers.authorization))?.[1];
}

describe("credentials from the shared AWS files", () => {
  it("signs with the [default] profile of ~/.aws/credentials when neither config nor environment has any", async () => {
    credentialsFile("[default]\naws_access_key_id = AKIDFILEDEFAULT\naws_secret_access_key = filesecret\n");
    await makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput);
    expect(signedWith()).toBe("AKIDFILEDEFAULT");
    expect(server.requests[0]?.headers["x-amz-security-token"]).toBeUndefined();
  });

  it("takes the profile AWS_PROFILE names, with its session token", async () => {
    credentialsFile(
      "[default]\naws_access_key_id = AKIDFILEDEFAULT\naws_secret_access_key = s1\n\n" +
        "[work]\naws_access_key_id = AKIDFILEWORK\naws_secret_access_key = s2\naws_session_token = worktoken\n",
    );
    process.env["AWS_PROFILE"] = "work";
    await makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput);
    expect(signedWith()).toBe("AKIDFILEWORK");
    expect(server.requests[0]?.headers["x-amz-security-token"]).toBe("worktoken");
  });

  it("reads a profile of ~/.aws/config too", async () => {
    configFile("[profile dev]\naws_access_key_id = AKIDCONFIGDEV\naws_secret_access_key = s3\n");
    process.env["AWS_PROFILE"] = "dev";
    await makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput);
    expect(signedWith()).toBe("AKIDCONFIGDEV");
  });

  it("runs a profile's credential_process (the library does more than key pairs)", async () => {
    const script = join(home, "creds.cjs");
    writeFileSync(
      script,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "s4" }));\n`,
    );
    configFile(`[profile proc]\ncredential_process = ${JSON.stringify(process.execPath)} ${JSON.stringify(script)}\n`);
    process.env["AWS_PROFILE"] = "proc";
    await makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput);
    expect(signedWith()).toBe("AKIDPROCESS");
  });

  it("prefers the environment to the files", async () => {
    credentialsFile("[default]\naws_access_key_id = AKIDFILEDEFAULT\naws_secret_access_key = s1\n");
    process.env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
    process.env["AWS_SECRET_ACCESS_KEY"] = "envsecret";
    await makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput);
    expect(signedWith()).toBe("AKIDENV");
  });

  it("prefers credentials passed in the config to both", async () => {
    credentialsFile("[default]\naws_access_key_id = AKIDFILEDEFAULT\naws_secret_access_key = s1\n");
    process.env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
    process.env["AWS_SECRET_ACCESS_KEY"] = "envsecret";
    await makeClient(server, { credentials: { accessKeyId: "AKIDCONFIG", secretAccessKey: "s5" } }).invoke(
      sendEvent,
      validInput,
    );
    expect(signedWith()).toBe("AKIDCONFIG");
  });

  it("fails with a CredentialsError naming every source, and the profile tried, when none has credentials", async () => {
    process.env["AWS_PROFILE"] = "missing";
    const error = await rejectionOf(makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(CredentialsError);
    const message = (error as Error).message;
    expect(message).toMatch(/No AWS credentials found.*AWS_ACCESS_KEY_ID.*~\/\.aws\/credentials/);
    expect(message).toContain("missing");
    expect(server.requests).toHaveLength(0);
  });

  it("never puts a secret from the files in an error message", async () => {
    credentialsFile(
      "[default]\naws_access_key_id = AKIDHALF\n# no secret key: an unusable profile\naws_session_token = tokenvalue123\n",
    );
    const error = await rejectionOf(makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).not.toContain("tokenvalue123");
  });
});
