/**
 * Input validation and sensitive data in the generated FraudDetectorClient, against a real
 * loopback server that counts what arrives. Validators come from generated/frauddetector/
 * validators.ts (the client's default mode is `reject`).
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { RequestValidationError, type SendEventRequest } from "../../generated/frauddetector/index.js";
import { reply } from "../runtime/server.js";
import {
  clientFor,
  loopbackServerForFile,
  rejectionOf,
  SECRET_EMAIL,
  SECRET_ENTITY_ID,
  sendEventInput,
} from "./helpers.js";

const server = await loopbackServerForFile();

/** Breaks three constraints; the @sensitive entityId is one of the bad values. */
const badSecret = "SECRET VALUE WITH SPACES!";
const invalid = {
  ...sendEventInput,
  eventId: "BAD ID!",
  eventVariables: {},
  entities: [{ entityType: "customer", entityId: badSecret }],
} satisfies SendEventRequest;

/** Every way an error can show its content. */
function everything(error: unknown): string {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    inspect(e, { depth: Infinity, showHidden: true }),
    JSON.stringify(e),
  ].join("\n");
}

describe("validation", () => {
  it("rejects invalid input with RequestValidationError listing each issue, and sends nothing", async () => {
    const error = await rejectionOf(clientFor(server).sendEvent(invalid));
    expect(error).toBeInstanceOf(RequestValidationError);
    const issues = (error as RequestValidationError).issues;
    expect(issues.map((i) => [i.path, i.constraint])).toEqual([
      ["/eventId", "pattern"],
      ["/eventVariables", "length"],
      ["/entities/0/entityId", "pattern"],
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("rejects a missing required member at run time too", async () => {
    const { entities: _dropped, ...rest } = sendEventInput;
    const error = await rejectionOf(clientFor(server).sendEvent(rest as SendEventRequest));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toContain("/entities");
    expect(server.requests).toHaveLength(0);
  });

  it("sends invalid input when validation is off", async () => {
    await clientFor(server, { validation: "off" }).sendEvent(invalid);
    expect(server.requests).toHaveLength(1);
  });

  it("logs and sends in warn mode", async () => {
    const warnings: string[] = [];
    await clientFor(server, { validation: "warn", logger: { warn: (m) => warnings.push(m) } }).sendEvent(invalid);
    expect(server.requests).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("/eventId");
    expect(warnings[0]).not.toContain(badSecret);
  });
});

describe("sensitive values (@sensitive Entity and variableValue)", () => {
  it("never appear in a validation error's message, stack or util.inspect", async () => {
    const error = await rejectionOf(clientFor(server).sendEvent(invalid));
    expect(error).toBeInstanceOf(RequestValidationError);
    const text = everything(error);
    expect(text).not.toContain(badSecret);
    expect(text).not.toContain(SECRET_EMAIL);
  });

  it("never appear in service, network or timeout errors the client creates", async () => {
    const errors: unknown[] = [];
    server.handler = (_r, res) => reply(res, 400, '{"__type":"ValidationException","message":"bad request"}');
    errors.push(await rejectionOf(clientFor(server).sendEvent(sendEventInput)));
    server.handler = (_r, res) => reply(res, 502, "<html>Bad Gateway</html>", { "content-type": "text/html" });
    errors.push(await rejectionOf(clientFor(server).sendEvent(sendEventInput)));
    server.handler = (_r, res) => res.socket?.destroy();
    errors.push(await rejectionOf(clientFor(server).sendEvent(sendEventInput)));
    server.handler = () => undefined;
    errors.push(
      await rejectionOf(clientFor(server, { requestTimeoutMs: 30, maxAttempts: 1 }).sendEvent(sendEventInput)),
    );
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "ValidationException",
      "UnknownError",
      "NetworkError",
      "TimeoutError",
    ]);
    for (const error of errors) {
      const text = everything(error);
      expect(text).not.toContain(SECRET_ENTITY_ID);
      expect(text).not.toContain(SECRET_EMAIL);
    }
  });
});
