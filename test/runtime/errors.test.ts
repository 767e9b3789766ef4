import { describe, expect, it } from "vitest";
import {
  errorFromResponse,
  RequestValidationError,
  sanitizeErrorCode,
  ServiceException,
  type ErrorDeserializer,
  type ErrorInit,
  type ErrorTable,
  type ServiceExceptionInit,
} from "../../generator/runtime/errors.js";
import { parseJsonError } from "../../generator/runtime/protocols/json.js";
import type { HttpResponse } from "../../generator/runtime/transport.js";

/** An error response as a JSON protocol client maps it: the JSON protocols' reading, then the neutral table lookup. */
function parseErrorResponse(response: HttpResponse, table: ErrorTable): ServiceException {
  return errorFromResponse(response, parseJsonError(response), table);
}

describe("sanitizeErrorCode", () => {
  it.each([
    ["FooError", "FooError"],
    ["FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"],
    ["aws.protocoltests.json#FooError", "FooError"],
    ["aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"],
    ["aws.different.namespace#FooError", "FooError"],
    ["  FooError  ", "FooError"],
  ])("reduces %j to %j", (raw, code) => {
    expect(sanitizeErrorCode(raw)).toBe(code);
  });
});

/** Records what each error class was built from, so each case can check code, message and fault. */
function table() {
  const seen: {
    factory: string;
    code: string;
    message: string | undefined;
    fault: string;
    body: Record<string, unknown>;
  }[] = [];
  const make =
    (factory: string): ErrorDeserializer =>
    (init, body) => {
      seen.push({
        factory,
        code: init.code,
        message: init.message,
        fault: init.$fault,
        body: body as Record<string, unknown>,
      });
      return new ServiceException({
        name: init.code,
        message: init.message ?? "",
        $fault: init.$fault,
        $metadata: init.$metadata,
        code: init.code,
      });
    };
  class Unknown extends ServiceException {
    constructor(init: ServiceExceptionInit) {
      seen.push({
        factory: "unknown",
        code: init.code ?? init.name,
        message: init.message,
        fault: init.$fault,
        body: {},
      });
      super(init);
    }
  }
  return { seen, errors: { FooError: make("FooError"), ComplexError: make("ComplexError") }, baseException: Unknown };
}

function response(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, body, headers };
}

describe("parseErrorResponse (cases after the awsJson1_1 protocol tests)", () => {
  it.each([
    ["X-Amzn-Errortype header", response(500, "", { "x-amzn-errortype": "FooError" }), "FooError"],
    [
      "header with a URI",
      response(500, "", { "x-amzn-errortype": "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/" }),
      "FooError",
    ],
    [
      "header with namespace and URI",
      response(500, "", {
        "x-amzn-errortype":
          "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
      }),
      "FooError",
    ],
    ["body code", response(500, '{"code":"FooError"}'), "FooError"],
    ["body code with namespace", response(500, '{"code":"aws.protocoltests.json#FooError"}'), "FooError"],
    [
      "body code with namespace and URI",
      response(
        500,
        '{"code":"aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}',
      ),
      "FooError",
    ],
    ["__type", response(500, '{"__type":"FooError"}'), "FooError"],
    ["__type with another namespace", response(500, '{"__type":"aws.different.namespace#FooError"}'), "FooError"],
    [
      "nested __type ignored",
      response(
        500,
        '{"__type":"aws.protocoltests.json#FooError","ErrorDetails":[{"__type":"com.amazon.internal#ErrorDetails","reason":"x"}]}',
      ),
      "FooError",
    ],
    ["__type preferred to code", response(400, '{"__type":"ComplexError","code":"FooError"}'), "ComplexError"],
    [
      "header preferred to __type",
      response(400, '{"__type":"ComplexError"}', { "x-amzn-errortype": "FooError" }),
      "FooError",
    ],
  ])("%s -> %s", (_name, res, factory) => {
    const t = table();
    parseErrorResponse(res, t);
    expect(t.seen).toHaveLength(1);
    expect(t.seen[0]?.factory).toBe(factory);
    expect(t.seen[0]?.code).toBe(factory);
  });

  it("passes the parsed body to the factory and reads message, then Message, then errorMessage", () => {
    const t = table();
    parseErrorResponse(response(400, '{"__type":"ComplexError","Header":"h","Nested":{"Foo":"bar"},"Message":"M"}'), t);
    expect(t.seen[0]).toMatchObject({ message: "M", fault: "client", body: { Header: "h", Nested: { Foo: "bar" } } });
    parseErrorResponse(response(400, '{"__type":"ComplexError","errorMessage":"E"}'), t);
    expect(t.seen[1]?.message).toBe("E");
    parseErrorResponse(response(400, '{"__type":"ComplexError","message":"m","Message":"M"}'), t);
    expect(t.seen[2]?.message).toBe("m");
  });

  it.each([
    ["an HTML page", response(502, "<html>Bad Gateway</html>", { "content-type": "text/html" })],
    ["an empty body", response(503, "")],
    ["a JSON array", response(500, "[1,2]")],
    ["truncated JSON", response(500, '{"__type":"Foo')],
  ])("sends %s without a code to the base exception with fault server, never throwing", (_name, res) => {
    const t = table();
    const error = parseErrorResponse(res, t);
    expect(t.seen[0]).toMatchObject({ factory: "unknown", code: "UnknownError", fault: "server" });
    expect(error.$metadata.httpStatusCode).toBe(res.statusCode);
    expect(error.message).toContain(`HTTP ${res.statusCode}`);
  });

  it("reads the request id from x-amzn-requestid, else x-amz-request-id", () => {
    const t = table();
    expect(parseErrorResponse(response(400, "{}", { "x-amzn-requestid": "a" }), t).$metadata.requestId).toBe("a");
    expect(parseErrorResponse(response(400, "{}", { "x-amz-request-id": "b" }), t).$metadata.requestId).toBe("b");
  });

  it("falls back to a plain ServiceException when an error class throws on an odd body", () => {
    class Throws extends ServiceException {
      constructor(init: ErrorInit) {
        super({ name: init.code, message: "", $fault: init.$fault, $metadata: init.$metadata });
        throw new TypeError("bad body");
      }
    }
    const error = parseErrorResponse(response(400, '{"__type":"FooError","message":"m"}'), {
      errors: { FooError: (init) => new Throws(init) },
      baseException: ServiceException,
    });
    expect(error).toBeInstanceOf(ServiceException);
    expect(error).toMatchObject({ name: "FooError", code: "FooError", message: "m", $fault: "client" });
  });
});

describe("RequestValidationError", () => {
  it("lists every issue by path, marks the input itself, and keeps no input", () => {
    const error = new RequestValidationError("SendEvent", [
      { path: "eventId", constraint: "pattern", message: "must match ^[a-z]+$" },
      { path: "", constraint: "required", message: "input is required" },
    ]);
    expect(error.message).toBe(
      "SendEvent: input rejected, nothing was sent\n  - eventId: must match ^[a-z]+$\n  - (input): input is required",
    );
    expect(Object.keys(error).sort()).toEqual(["issues", "name", "operation"]);
  });
});
