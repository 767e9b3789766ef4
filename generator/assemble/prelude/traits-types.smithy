// anvil's Smithy prelude, part 3: type refinement and constraint traits.
// Written for anvil from the Smithy 2.0 specification (type-refinement-traits.rst,
// constraint-traits.rst, mixins.rst).
$version: "2.0"

namespace smithy.api

/// Smithy 1.0 interop: the member or shape may be null even though its type has a zero value.
@trait(selector: ":test(boolean, byte, short, integer, long, float, double, member > :test(boolean, byte, short, integer, long, float, double))")
structure box {}

/// The value a shape or member takes when none is given.
@trait(selector: ":is(simpleType, list, map, structure > member :test(> :is(simpleType, list, map)))")
document default

/// The `@default` of this member was added after the member existed.
@trait(selector: "structure > member [trait|default]")
structure addedDefault {}

/// Clients treat the member as optional even when it is `@required` or has a default.
@trait(selector: "structure > member")
structure clientOptional {}

/// The value of an enum or intEnum member.
@trait(selector: ":is(enum, intEnum) > member")
@tags(["diff.error.const"])
document enumValue

/// The structure is an error; the value says whose fault it is.
@trait(selector: "structure", conflicts: [trait])
enum error {
    CLIENT = "client"
    SERVER = "server"
}

/// The structure is only used as an operation's input.
@trait(selector: "structure", conflicts: [output, error])
structure input {}

/// The structure is only used as an operation's output.
@trait(selector: "structure", conflicts: [input, error])
structure output {}

/// The shape is a mixin: other shapes copy its members and traits.
@trait(selector: ":not(member)")
structure mixin {
    /// Traits of the mixin that are not copied to the shapes using it.
    localTraits: LocalMixinTraitList
}

@private
list LocalMixinTraitList {
    member: LocalMixinTrait
}

@private
@idRef(
    selector: "[trait|trait]"
    failWhenMissing: true
    errorMessage: "Each entry of a mixin's localTraits must name a trait."
)
string LocalMixinTrait

/// The list or map may contain null values.
@trait(selector: ":is(list, map)")
structure sparse {}

/// Only `smithy.api#Unit` carries this trait.
@trait(selector: "[id=smithy.api#Unit]")
structure unitType {}

/// The member must be set.
@trait(selector: "structure > member")
structure required {}

/// Legacy (Smithy 1.0) enumeration of a string's allowed values; use an enum shape instead.
@trait(selector: "string :not(enum)")
@length(min: 1)
@deprecated(message: "Use an enum shape instead of the enum trait.", since: "2.0")
list enum {
    member: EnumDefinition
}

@private
structure EnumDefinition {
    @required
    value: NonEmptyString

    name: EnumConstantBodyName

    documentation: String

    tags: NonEmptyStringList

    deprecated: Boolean
}

@private
@pattern("^[a-zA-Z_]+[a-zA-Z_0-9]*$")
string EnumConstantBodyName

/// The string is the id of a shape matching `selector`.
@trait(selector: ":test(string, member > string)")
structure idRef {
    selector: String = "*"

    /// Whether the shape must exist in the model.
    failWhenMissing: Boolean

    /// Message used when the value does not name a matching shape.
    errorMessage: String
}

/// Bounds on the length of a string (code points), blob (bytes), list or map (entries).
@trait(selector: ":test(list, map, string, blob, member > :is(list, map, string, blob))")
structure length {
    min: Long
    max: Long
}

/// A regular expression (ECMA-262) that string values must match; not anchored.
@trait(selector: ":test(string, member > string)")
string pattern

/// The shape may only be referenced from its own namespace.
@trait
structure private {}

/// Inclusive bounds on a number.
@trait(selector: ":test(number, member > number)")
structure range {
    min: BigDecimal
    max: BigDecimal
}

/// The items of the list must be distinct.
@trait(selector: "list :not(> member ~> :is(float, double, document))", conflicts: [sparse])
structure uniqueItems {}
