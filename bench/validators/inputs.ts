/** Valid and invalid requests the validator benchmark runs (the same objects for every validator). */

/** A typical SendEvent: five variables, one entity, a label. */
export const validSendEvent = {
  eventId: "802454d3-f7d8-482d-97e8-c4b6db9a0428".replace(/[^0-9a-z_-]/g, ""),
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:34:56.789Z",
  eventVariables: {
    email_address: "someone@example.com",
    ip_address: "192.0.2.44",
    user_agent: "Mozilla/5.0 (X11; Linux x86_64)",
    billing_postal: "94107",
    phone_number: "+15555550100",
  },
  assignedLabel: "legit",
  labelTimestamp: "2024-05-01T12:35:00Z",
  entities: [{ entityType: "customer", entityId: "customer-12345" }],
};

/** Three problems, as in the issue: a bad eventId pattern, empty eventVariables, no entities. */
export const invalidSendEvent = {
  eventId: "BAD ID!",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:34:56Z",
  eventVariables: {},
};

/** A typical GetEventPrediction. */
export const validGetEventPrediction = {
  detectorId: "sample_detector",
  detectorVersionId: "3",
  eventId: "802454d3f7d8482d97e8c4b6db9a0428",
  eventTypeName: "registration",
  entities: [{ entityType: "customer", entityId: "customer-12345" }],
  eventTimestamp: "2024-05-01T12:34:56Z",
  eventVariables: {
    email_address: "someone@example.com",
    ip_address: "192.0.2.44",
    user_agent: "Mozilla/5.0 (X11; Linux x86_64)",
  },
};

/** Three problems: detectorVersionId not a whole number, a date without time, an entity without an id. */
export const invalidGetEventPrediction = {
  detectorId: "sample_detector",
  detectorVersionId: "01",
  eventId: "802454d3f7d8482d97e8c4b6db9a0428",
  eventTypeName: "registration",
  entities: [{ entityType: "customer" }],
  eventTimestamp: "2024-05-01",
  eventVariables: { email_address: "someone@example.com" },
};

/**
 * Every constraint the spec puts on SendEventRequest broken at once, where the spec lets one
 * value break it beside the others. A value breaks one constraint of its member (a missing
 * member has no length), so the identifier and timestamp constraints are spread over the
 * members that use those shapes, and each list entry or map entry breaks a different one.
 * Left unbroken, because breaking them hides the rest: the request being an object, `@required`
 * on the five top-level required members (each carries another break; `@required` is broken on
 * Entity's two members instead), the map's `@length(min: 1)` (an empty map has no entries to
 * break; GetEventPrediction's input breaks it), and the list being an array.
 */
export const allBrokenSendEvent = {
  eventId: "BAD ID!", // identifier @pattern
  eventTypeName: "x".repeat(65), // identifier @length (max 64)
  eventTimestamp: "2024-05-01 12:34:56", // @iso8601Utc (length 19 is within 10..30)
  labelTimestamp: "2024", // utcTimestampISO8601 @length (min 10)
  // assignedLabel absent while labelTimestamp is set: @requiredTogether
  eventVariables: {
    "": "a", // key variableName @length (min 1)
    ["k".repeat(65)]: "b", // key variableName @length (max 64)
    empty: "", // value variableValue @length (min 1)
    long: "v".repeat(8193), // value variableValue @length (max 8192)
    nothing: null, // value null in a map that is not @sparse
    number: 7, // value not a string
  },
  entities: [
    null, // entry null in a list that is not @sparse
    5, // entry not a structure
    {}, // Entity @required entityType and entityId
    { entityType: 5, entityId: "" }, // entityType not a string; entityRestrictedString @length (min 1)
    { entityType: "customer", entityId: "bad id!" }, // entityRestrictedString @pattern
    { entityType: "customer", entityId: "e".repeat(257) }, // entityRestrictedString @length (max 256)
    { entityType: "customer", entityId: 12 }, // entityId not a string
  ],
};

/**
 * Every constraint the spec puts on GetEventPredictionRequest broken at once (see
 * {@link allBrokenSendEvent} for what one input cannot break: here the request being an object,
 * `@required` on entities, eventTimestamp and eventVariables, which carry other breaks, and
 * the list being an array. wholeNumberVersionString's `@length` and `@pattern` share one member,
 * so only `@pattern` is broken, and eventTimestamp breaks `@length`, not `@iso8601Utc`, which
 * SendEvent's input breaks).
 */
export const allBrokenGetEventPrediction = {
  // detectorId absent: @required
  detectorVersionId: "0", // wholeNumberVersionString @pattern (length 1 is within 1..5)
  eventId: 42, // not a string
  eventTypeName: null, // @required (null is absent)
  entities: allBrokenSendEvent.entities,
  eventTimestamp: "2024", // utcTimestampISO8601 @length (min 10)
  eventVariables: {}, // EventVariableMap @length (min 1)
  externalModelEndpointDataBlobs: {
    "": { contentType: "text/csv" }, // key sageMakerEndpointIdentifier @length (min 1)
    ["k".repeat(64)]: { contentType: "text/csv" }, // key @length (max 63)
    "bad key!": { contentType: "text/csv" }, // key @pattern
    nothing: null, // value null in a map that is not @sparse
    number: 5, // value not a structure
    blob: { byteBuffer: "not bytes", contentType: "" }, // byteBuffer not a blob; contentType @length (min 1)
    long: { contentType: "c".repeat(1025) }, // contentType @length (max 1024)
    typed: { contentType: 5 }, // contentType not a string
  },
};
