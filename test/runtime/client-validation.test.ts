import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../generator/runtime/errors.js";
import { sendEvent, validatorCalls, validInput, type SendEventInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient, rejectionOf } from "./helpers.js";

const server = await loopbackServerForFile(() => {
  validatorCalls.count = 0;
});

/** Three problems: bad eventId pattern, empty eventVariables, missing entities. */
const badInput: SendEventInput = { eventId: "BAD ID secret-value!", eventTypeName: "registration", eventVariables: {} };

function collectingLogger(): { warn(message: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, warn: (m: string) => void messages.push(m) };
}

describe("input validation", () => {
  it("reject mode throws RequestValidationError with every issue and sends nothing", async () => {
    const error = await rejectionOf(makeClient(server, {}, "reject").invoke(sendEvent, badInput));
    expect(error).toBeInstanceOf(RequestValidationError);
    const issues = (error as RequestValidationError).issues;
    expect(issues.map((i) => `${i.path}:${i.constraint}`)).toEqual([
      "eventId:pattern",
      "eventVariables:length",
      "entities:required",
    ]);
    expect((error as Error).message).toContain("SendEvent: input rejected, nothing was sent");
    expect(server.requests).toHaveLength(0);
  });

  it("reject mode never shows the input's values in the message or the inspected error", async () => {
    const error = await rejectionOf(makeClient(server, {}, "reject").invoke(sendEvent, badInput));
    const shown = `${String(error)}\n${inspect(error, { depth: 10, showHidden: true })}`;
    expect(shown).not.toContain("secret-value");
    expect(shown).toContain("eventId: must match");
  });

  it("warn mode logs the issues without values and sends the request", async () => {
    const logger = collectingLogger();
    await makeClient(server, { logger }, "warn").invoke(sendEvent, badInput);
    expect(server.requests).toHaveLength(1);
    expect(logger.messages).toHaveLength(1);
    expect(logger.messages[0]).toContain(
      'FraudDetector.SendEvent: input has 3 validation issue(s); sending anyway (validation: "warn")',
    );
    expect(logger.messages[0]).not.toContain("secret-value");
  });

  it("warn mode stays silent for valid input", async () => {
    const logger = collectingLogger();
    await makeClient(server, { logger }, "warn").invoke(sendEvent, validInput);
    expect(logger.messages).toHaveLength(0);
  });

  it("off mode sends without running the validator", async () => {
    await makeClient(server, {}, "off").invoke(sendEvent, badInput);
    expect(validatorCalls.count).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("config.validation overrides the generated default", async () => {
    const error = await rejectionOf(makeClient(server, { validation: "reject" }, "off").invoke(sendEvent, badInput));
    expect(error).toBeInstanceOf(RequestValidationError);
    await makeClient(server, { validation: "off" }, "reject").invoke(sendEvent, badInput);
    expect(server.requests).toHaveLength(1);
  });

  it("reject mode sends an unknown enum value (Smithy enums are open) and warns instead", async () => {
    const logger = collectingLogger();
    const enumOnly = {
      ...sendEvent,
      validate: () => [
        {
          path: "/kind",
          constraint: "enum" as const,
          message: "Value at '/kind' failed to satisfy constraint: Member must satisfy enum value set: [A, B]",
        },
      ],
    };
    await makeClient(server, { logger }, "reject").invoke(enumOnly, validInput);
    expect(server.requests).toHaveLength(1);
    expect(logger.messages[0]).toContain("1 validation issue(s)");
    const mixed = {
      ...sendEvent,
      validate: () => [...enumOnly.validate(), { path: "/eventId", constraint: "pattern" as const, message: "bad" }],
    };
    expect(await rejectionOf(makeClient(server, { logger }, "reject").invoke(mixed, validInput))).toBeInstanceOf(
      RequestValidationError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("sends an operation that has no validator in every mode", async () => {
    const { validate: _dropped, ...noValidator } = sendEvent;
    await makeClient(server, {}, "reject").invoke(noValidator, badInput);
    expect(server.requests).toHaveLength(1);
  });
});
