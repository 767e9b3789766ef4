/**
 * Auth planning (generator/lower/auth.ts): each operation's schemes from `@auth` (operation, then
 * service) or the service's auth traits, `@optionalAuth`, anonymous operations, unsupported
 * schemes left out, and the config types the client gets.
 */
import { describe, expect, it } from "vitest";
import { getShape } from "../../generator/assemble/model.js";
import { planAuth } from "../../generator/lower/auth.js";
import { modelOf } from "../helpers.js";

function plan(serviceTraits: Record<string, unknown>, operations: Record<string, Record<string, unknown>>) {
  const model = modelOf({
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: Object.keys(operations).map((o) => ({ target: `ex#${o}` })),
        traits: serviceTraits,
      },
      ...Object.fromEntries(
        Object.entries(operations).map(([name, traits]) => [`ex#${name}`, { type: "operation", traits }]),
      ),
    },
  });
  const ops = Object.keys(operations).map((o) => getShape(model, `ex#${o}`));
  return planAuth(getShape(model, "ex#Svc"), ops);
}

const bearer = "smithy.api#httpBearerAuth";
const apiKey = "smithy.api#httpApiKeyAuth";

describe("planAuth", () => {
  it("without @auth, offers every auth trait of the service in shape-id order", () => {
    const p = plan({ [bearer]: {}, [apiKey]: { name: "X-Key", in: "header" } }, { Op: {} });
    expect(p.operations["ex#Op"]?.schemes).toEqual([apiKey, bearer]);
    expect(p.schemes).toEqual([{ id: apiKey, name: "X-Key", in: "header" }, { id: bearer }]);
    expect(p.configTypes).toEqual(["BearerAuthConfig", "ApiKeyAuthConfig"]);
    expect(p.sigv4).toBe(false);
  });

  it("follows the service's @auth order, and an operation's own @auth over it", () => {
    const p = plan(
      {
        [bearer]: {},
        [apiKey]: { name: "Authorization", in: "header", scheme: "Key" },
        "smithy.api#auth": [bearer, apiKey],
      },
      { Default: {}, Own: { "smithy.api#auth": [apiKey] } },
    );
    expect(p.operations["ex#Default"]?.schemes).toEqual([bearer, apiKey]);
    expect(p.operations["ex#Own"]?.schemes).toEqual([apiKey]);
    expect(p.schemes).toContainEqual({ id: apiKey, name: "Authorization", in: "header", scheme: "Key" });
  });

  it("gives @auth([]) operations no scheme and marks @optionalAuth", () => {
    const p = plan(
      { [bearer]: {} },
      { Anonymous: { "smithy.api#auth": [] }, Optional: { "smithy.api#optionalAuth": {} } },
    );
    expect(p.operations["ex#Anonymous"]).toEqual({ schemes: [], optional: false, unsupported: [] });
    expect(p.operations["ex#Optional"]).toEqual({ schemes: [bearer], optional: true, unsupported: [] });
  });

  it("leaves out schemes the runtime does not implement, and config types no operation uses", () => {
    const p = plan(
      {
        "aws.auth#sigv4": { name: "svc" },
        "aws.auth#sigv4a": { name: "svc" },
        [bearer]: {},
        "smithy.api#auth": ["aws.auth#sigv4a", "aws.auth#sigv4"],
      },
      { Op: {} },
    );
    expect(p.operations["ex#Op"]).toEqual({
      schemes: ["aws.auth#sigv4"],
      optional: false,
      unsupported: ["aws.auth#sigv4a"],
    });
    expect(p.sigv4).toBe(true);
    expect(p.configTypes).toEqual([]);
  });
});
