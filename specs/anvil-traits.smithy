$version: "2.0"

// anvil's own traits: rules the Fraud Detector reference states that Smithy's prelude cannot
// express. The generated validators enforce them.

namespace anvil.traits

/// Groups of members that must be given together: when any member of a group is set, every
/// member of that group must be set. Smithy's prelude cannot say this (`@required` is per member).
@trait(selector: "structure")
list requiredTogether {
    member: MemberGroup
}

/// Names of members of the structure the trait is applied to.
@length(min: 2)
list MemberGroup {
    member: String
}

/// The string is a timestamp in ISO 8601 format in UTC: a date, `T`, a time with optional
/// fractional seconds, and `Z` (or a +00:00 offset). The service documents such strings but models
/// them as plain strings.
@trait(selector: "string")
structure iso8601Utc {}
