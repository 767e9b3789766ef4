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
