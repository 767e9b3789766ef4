/**
 * Reading XML responses, for every XML protocol: the body's document element (a body that is not
 * XML is a `MalformedBodyError`, which the client reports as a service exception naming the
 * operation and status) and an error response's code, message and `<Error>` element.
 */
import { describeBody, MalformedBodyError, type ParsedError } from "../../errors.js";
import { bodyText, type HttpResponse } from "../../transport.js";
import { parseXmlErrorBody } from "./errors.js";
import { parseXml, XmlSyntaxError, type XmlElement } from "./parse.js";

/** The body's document element; undefined for an empty body; `MalformedBodyError` when it is not XML. */
export function documentOf(response: HttpResponse): XmlElement | undefined {
  const text = bodyText(response);
  if (text.trim() === "") return undefined;
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new MalformedBodyError("an XML document");
    throw error;
  }
}

/** An error response's code, message and `<Error>` element (`body` undefined when the body is not an XML error). Never throws. */
export function parseXmlError(response: HttpResponse): ParsedError {
  const parsed = parseXmlErrorBody(bodyText(response));
  if (parsed === undefined) {
    return { code: undefined, message: describeBody(response, "without an XML error code"), body: undefined };
  }
  return { code: parsed.code, message: parsed.message, body: parsed.error };
}
