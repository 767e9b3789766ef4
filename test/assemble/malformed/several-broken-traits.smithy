$version: "2"
namespace example.malformed

/// Several broken traits in one file: every one is reported, each at its own position.
structure Order {
    //! ERROR TraitValue @length | Error validating trait `length`.min: Expected number value for long shape, `smithy.api#Long`; found boolean value, `true`
    @length(min: true)
    id: String

    //! ERROR TraitTarget @range | Trait `range` cannot be applied to `example.malformed#Order$note`. This trait may only be applied to shapes that match the following selector: :test(number, member > number)
    @range(max: 3)
    note: String

    //! ERROR TraitValue @range | Error validating trait `range`.min: Expected number value for bigDecimal shape, `smithy.api#BigDecimal`; found string value, `one`
    @range(min: "one")
    quantity: Integer

    //! ERROR TraitConflict @httpHeader | Found conflicting traits on member shape: `httpHeader` conflicts with `httpQuery`
    @httpHeader("X-Token")
    @httpQuery("token")
    token: String
}

//! ERROR TraitValue @documentation | Error validating trait `documentation`: Expected string value for string shape, `smithy.api#documentation`; found number value, `42`
@documentation(42)
string Documented
