/**
 * The error element of an XML error response, in the three layouts services use:
 * - wrapped (restXml's default, awsQuery): `<ErrorResponse><Error><Code>…</Code>…</Error><RequestId>…</RequestId></ErrorResponse>`;
 * - `noErrorWrapping` (restXml, S3): `<Error><Code>…</Code>…<RequestId>…</RequestId></Error>`;
 * - ec2Query: `<Response><Errors><Error><Code>…</Code>…</Error></Errors><RequestID>…</RequestID></Response>`.
 * The layout is recognised from the document, so a service that answers in another layout than
 * its trait says (a proxy, an S3-compatible server) is still understood.
 */
import { childNamed, parseXml, type XmlElement } from "./parse.js";

/** What an XML error body says. */
export interface XmlErrorBody {
  /** The `<Error>` element: its children are the error's members. */
  error: XmlElement;
  /** The `Code` element. */
  code: string | undefined;
  /** The `Message` element. */
  message: string | undefined;
  /** The `RequestId` element. */
  requestId: string | undefined;
}

/**
 * Reads an error body; undefined when the text is not XML or holds no error element (an HTML
 * page, an empty body). Never throws.
 */
export function parseXmlErrorBody(text: string): XmlErrorBody | undefined {
  if (text.trim() === "") return undefined;
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch {
    return undefined;
  }
  const error = findError(root);
  if (error === undefined) return undefined;
  return {
    error,
    code: textOf(error, "Code"),
    message: textOf(error, "Message") ?? textOf(error, "message"),
    requestId: textOf(error, "RequestId") ?? textOf(root, "RequestId") ?? textOf(root, "RequestID"),
  };
}

function findError(root: XmlElement): XmlElement | undefined {
  if (root.name === "Error") return root;
  const wrapped = childNamed(root, "Error");
  if (wrapped !== undefined) return wrapped;
  const errors = childNamed(root, "Errors");
  return errors === undefined ? undefined : childNamed(errors, "Error");
}

function textOf(element: XmlElement, name: string): string | undefined {
  const child = childNamed(element, name);
  const text = child?.text.trim();
  return text === undefined || text === "" ? undefined : text;
}
