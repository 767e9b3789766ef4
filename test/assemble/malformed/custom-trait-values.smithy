$version: "2"
namespace example.malformed

/// A trait of the model's own: its definition constrains its values like any prelude trait's.
@trait(selector: "string")
structure limits {
    @required
    unit: Unit

    @range(min: 1, max: 100)
    percent: Integer

    @length(max: 2)
    tags: Tags
}

enum Unit {
    BYTES
    ITEMS
}

list Tags {
    member: String
}

//! ERROR TraitValue @limits | Error validating trait `example.malformed#limits`: Missing required structure member `unit` for `example.malformed#limits`
@limits(percent: 50)
string A

//! ERROR TraitValue @limits | Error validating trait `example.malformed#limits`.unit: String value provided for `example.malformed#Unit` must be one of the following values: `BYTES`, `ITEMS`
@limits(unit: "BITS")
string B

//! ERROR TraitValue.Member.InvalidRange @limits | Error validating trait `example.malformed#limits`.percent: Value provided for `example.malformed#limits$percent` must be less than or equal to 100, but found 250
@limits(unit: "BYTES", percent: 250)
string C

//! ERROR TraitValue @limits | Error validating trait `example.malformed#limits`.tags: Value provided for `example.malformed#limits$tags` must have no more than 2 elements, but the provided value has 3 elements
@limits(unit: "ITEMS", tags: ["a", "b", "c"])
string D

//! ERROR TraitValue @limits | Error validating trait `example.malformed#limits`.tags.0: Expected string value for string shape, `smithy.api#String`; found number value, `1`
@limits(unit: "ITEMS", tags: [1])
string E

//! ERROR TraitTarget @limits | Trait `example.malformed#limits` cannot be applied to `example.malformed#F`. This trait may only be applied to shapes that match the following selector: string
@limits(unit: "ITEMS")
integer F
