/**
 * The S3 and S3 Control models' `smithy.rules#endpointTests` cases that name an operation (`operationInputs`):
 * the endpoint of one call comes from the config (built-ins, client context params), the
 * operation's `@staticContextParams` and its input's `@contextParam` members (Bucket, Key...).
 * Each case runs twice:
 * - through the plan lower makes (generator/lower/endpoint-context.ts, the descriptor's
 *   `endpointContext` function) and the rules evaluator, for every operation;
 * - through a generated S3 client, for the operations it can call (an event stream such as
 *   SelectObjectContent is left out): the request it sends must go to the case's endpoint
 *   (scheme, host, port, and the endpoint's path before the operation's) with the operation's
 *   `@endpoint` host prefix in front (WriteGetObjectResponse's `{RequestRoute}.`), or the call
 *   must fail with the case's error before anything is sent. (S3 Control's `{AccountId}.` host
 *   prefix is placed by its rules, so the client does not prepend it again.)
 */
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getShape, type Model } from "../../../generator/assemble/model.js";
import { endpointContextFunction, endpointContextOf } from "../../../generator/lower/endpoint-context.js";
import { BUILT_IN_FIELDS, endpointParamFields } from "../../../generator/lower/endpoint-params.js";
import { resolveEndpoint, type EndpointParams } from "../../../generator/runtime/rules/evaluate.js";
import type { HttpRequest, Transport } from "../../../generator/runtime/transport.js";
import { awsModel, generateInto } from "../../e2e/generate-client.js";
import { modelOf } from "../../helpers.js";

interface OperationInput {
  operationName: string;
  operationParams?: Record<string, unknown>;
  builtInParams?: Record<string, string | boolean>;
  clientParams?: Record<string, string | boolean>;
}
interface Case {
  documentation?: string;
  expect: { error?: string; endpoint?: { url: string } };
  operationInputs?: OperationInput[];
}

const label = (c: Case, input: OperationInput) =>
  `${input.operationName}: ${c.documentation ?? JSON.stringify(input.operationParams)}`;

for (const [name, version, SERVICE, clientClass] of [
  ["s3", "2006-03-01", "com.amazonaws.s3#AmazonS3", "S3Client"],
  ["s3-control", "2018-08-20", "com.amazonaws.s3control#AWSS3ControlServiceV20180820", "S3ControlClient"],
] as const) {
  const MODEL = awsModel(name, version);
  const present = existsSync(MODEL);
  if (!present)
    console.warn(`skipping the ${name} operationInputs endpoint cases: ${MODEL} is absent (needs ../shared)`);
  const namespace = SERVICE.slice(0, SERVICE.indexOf("#"));

  const shapes = present
    ? (JSON.parse(readFileSync(MODEL, "utf8")) as { shapes: Record<string, { traits?: Record<string, unknown> }> })
        .shapes
    : {};
  const cases: Case[] = present
    ? ((shapes[SERVICE]?.traits?.["smithy.rules#endpointTests"] as { testCases: Case[] }).testCases ?? []).filter(
        (c) => c.operationInputs !== undefined,
      )
    : [];
  const runs = cases.flatMap((c) => (c.operationInputs ?? []).map((input) => ({ c, input })));

  /**
   * The operation's `@endpoint(hostPrefix)` with its labels filled from the input, which the client
   * prepends to the rules' host (endpointTests give the host without it); "" when there is none or
   * when every label is a `@contextParam` member, which the rules place themselves (S3 Control).
   */
  function hostPrefixOf(model: Model, operationId: string, params: Record<string, unknown>): string {
    const op = getShape(model, operationId);
    const prefix = (op.traits["smithy.api#endpoint"] as { hostPrefix?: string } | undefined)?.hostPrefix ?? "";
    const members = op.input === undefined ? [] : getShape(model, op.input).members;
    const labels = [...prefix.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
    const placed = labels.every((l) =>
      members.some((m) => m.name === l && m.traits["smithy.rules#contextParam"] !== undefined),
    );
    if (labels.length > 0 && placed) return "";
    return prefix.replace(/\{([^}]*)\}/g, (_, label: string) => String(params[label]));
  }

  /** The endpoint the plan gives (throws the rules' error). */
  function planned(model: Model, ruleSet: unknown, input: OperationInput): string {
    const service = getShape(model, SERVICE);
    const op = getShape(model, `${namespace}#${input.operationName}`);
    const context = endpointContextOf(model, service, op);
    const contextOf = new Function(`return ${endpointContextFunction(context)}`)() as (i: unknown) => EndpointParams;
    const params: EndpointParams = {
      ...input.builtInParams,
      ...input.clientParams,
      ...contextOf(input.operationParams ?? {}),
    };
    return resolveEndpoint(ruleSet, params).url;
  }

  describe.skipIf(!present)(`${name} endpointTests with operation inputs`, () => {
    let model: Model;
    type Client = Record<string, unknown> & { destroy(): void };
    let S3Client: new (config: Record<string, unknown>) => Client;
    /** The request the last call sent (a holder: the transport sets it from a callback). */
    const last: { sent: HttpRequest | undefined } = { sent: undefined };
    let remove = () => {};
    let callable = new Set<string>();

    beforeAll(async () => {
      model = modelOf({ smithy: "2.0", shapes });
      const generated = await generateInto(`${name}-endpoints`, MODEL);
      remove = generated.remove;
      const mod = (await import(`${generated.folder}/index.ts`)) as Record<string, unknown>;
      S3Client = mod[clientClass] as typeof S3Client;
      // Each case builds its own client (its config differs); the class's methods are the callable operations.
      callable = new Set(Object.getOwnPropertyNames(S3Client.prototype));
    }, 300_000);

    afterAll(() => remove());

    it("gives every case's endpoint or error through the operation's context plan", () => {
      const ruleSet = shapes[SERVICE]?.traits?.["smithy.rules#endpointRuleSet"];
      const failures: string[] = [];
      for (const { c, input } of runs) {
        let url: string | undefined;
        let error: string | undefined;
        try {
          url = planned(model, ruleSet, input);
        } catch (e) {
          error = (e as Error).message;
        }
        if (c.expect.error !== undefined ? error !== c.expect.error : url !== c.expect.endpoint?.url)
          failures.push(`${label(c, input)}: got ${url ?? error}`);
      }
      console.log(
        `${name} operationInputs, plan + evaluator: ${runs.length - failures.length} passed, ${failures.length} failed`,
      );
      expect(failures).toEqual([]);
      expect(runs.length).toBeGreaterThan(60);
    });

    it("sends each callable operation's request to the case's endpoint", async () => {
      const fieldOf: Record<string, string> = {
        "AWS::Region": "region",
        "SDK::Endpoint": "endpoint",
        ...BUILT_IN_FIELDS,
      };
      const clientFields = Object.fromEntries(
        endpointParamFields(getShape(model, SERVICE)).map((f) => [f.param, f.field]),
      );
      const transport: Transport = {
        handle: (request) => {
          last.sent = request;
          return Promise.resolve({ statusCode: 200, headers: {}, body: "" });
        },
      };
      const failures: string[] = [];
      let ran = 0;
      const skipped = new Set<string>();
      for (const { c, input } of runs) {
        const method = input.operationName[0]!.toLowerCase() + input.operationName.slice(1);
        if (!callable.has(method)) {
          skipped.add(input.operationName);
          continue;
        }
        ran++;
        const config: Record<string, unknown> = {
          credentials: { accessKeyId: "a", secretAccessKey: "b" },
          transport,
          maxAttempts: 1,
          // What is checked is the endpoint: input the rules refuse must reach them (S3 Control's
          // AccountId pattern would refuse it first).
          validation: "off",
        };
        for (const [id, value] of Object.entries(input.builtInParams ?? {})) config[fieldOf[id] ?? id] = value;
        for (const [param, value] of Object.entries(input.clientParams ?? {}))
          config[clientFields[param] ?? param] = value;
        last.sent = undefined;
        let error: string | undefined;
        try {
          const s3 = new S3Client(config);
          try {
            await (s3[method] as (i: unknown) => Promise<unknown>).call(s3, input.operationParams ?? {});
          } finally {
            s3.destroy();
          }
        } catch (e) {
          error = (e as Error).message;
        }
        const sent = last.sent as HttpRequest | undefined; // set by the transport during the call
        const expected = c.expect.endpoint?.url;
        if (expected === undefined) {
          if (sent !== undefined || !error?.includes(c.expect.error ?? ""))
            failures.push(`${label(c, input)}: expected error ${c.expect.error}, got ${sent?.url ?? error}`);
          continue;
        }
        const want = new URL(expected);
        want.host = `${hostPrefixOf(model, `${namespace}#${input.operationName}`, input.operationParams ?? {})}${want.host}`;
        const got = sent === undefined ? undefined : new URL(sent.url);
        const wantPath = want.pathname.replace(/\/$/, "");
        if (got === undefined || got.origin !== want.origin || !got.pathname.startsWith(wantPath))
          failures.push(`${label(c, input)}: expected ${expected}, sent ${sent?.url ?? `nothing (${error})`}`);
      }
      console.log(
        `${name} operationInputs through the client: ${ran - failures.length} passed, ${failures.length} failed; not callable in this client (streaming): ${[...skipped].sort().join(", ") || "none"}`,
      );
      expect(failures).toEqual([]);
      expect(ran).toBeGreaterThan(15);
    });
  });
}
