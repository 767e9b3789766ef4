// anvil's Smithy prelude, part 2: defining traits, shared private shapes, and model validation.
// Written for anvil from the Smithy 2.0 specification (model.rst, model-validation.rst,
// shape-closures.rst). Smithy's diff-tool hints (`breakingChanges`) are left out: anvil does not
// compare model versions.
$version: "2.0"

namespace smithy.api

/// Marks a shape as a trait definition; its value constrains where the trait may be applied
/// and which other traits it cannot be combined with.
@trait(selector: ":is(simpleType, list, map, structure, union)")
structure trait {
    /// Selector of the shapes the trait may be applied to (default: any shape).
    selector: String

    /// Only one member (`member`) or one member targeting a given shape (`target`) of a
    /// structure may carry the trait.
    structurallyExclusive: StructurallyExclusive

    /// Traits that may not be applied to the same shape as this one.
    conflicts: NonEmptyStringList

    /// Rules a model diff tool applies to changes of this trait.
    breakingChanges: TraitDiffRules
}

@private
enum StructurallyExclusive {
    MEMBER = "member"
    TARGET = "target"
}

@private
@length(min: 1)
list TraitDiffRules {
    member: TraitDiffRule
}

@private
structure TraitDiffRule {
    /// JSON pointer into the trait value the rule is about.
    path: String

    @required
    change: TraitChangeType

    severity: Severity = "ERROR"

    message: String
}

@private
enum TraitChangeType {
    UPDATE = "update"
    ADD = "add"
    REMOVE = "remove"
    PRESENCE = "presence"
    ANY = "any"
}

@private
enum Severity {
    NOTE
    WARNING
    DANGER
    ERROR
}

/// Validation rules, keyed by event id, that every shape carrying the annotated trait must pass.
@trait(selector: "[trait|trait]")
map traitValidators {
    @length(min: 1)
    key: String

    value: TraitValidator
}

@private
structure TraitValidator {
    /// Shapes matched by this selector, starting from the shape with the trait, are reported.
    @required
    selector: String

    message: String

    severity: Severity = "ERROR"
}

/// Suppresses validation events with the given ids on the shape.
@trait
list suppress {
    @length(min: 1)
    member: String
}

/// Stores the annotated shape's value in model metadata under `key`.
@trait(selector: "dataType :not([trait|input]) :not([trait|output])")
structure metadata {
    @required
    @length(min: 1)
    key: String
}

/// Named sets of shapes ("closures") that tools may extract from a model.
@private
@metadata(key: "shapeClosures")
list ShapeClosures {
    member: ShapeClosure
}

@private
structure ShapeClosure {
    /// The closure's id.
    @required
    id: ClosureId

    /// Namespaces whose shapes all belong to the closure.
    includeNamespaces: Namespaces = []

    /// Shapes matched by this selector belong to the closure.
    @length(min: 1)
    includeBySelector: String

    /// New names for shapes in the closure.
    rename: Renames = {}

    documentation: CommonMark
}

@private
@idRef(failWhenMissing: false)
string ClosureId

@private
@uniqueItems
list Namespaces {
    member: String
}

@private
map Renames {
    @idRef(
        failWhenMissing: true
        selector: ":not(:is(member, service, resource, operation))"
        // Smithy's words: TypedMetadata reports them.
        errorMessage: "Renames must target shapes that are in the model and must not target services, resources, operations, or members."
    )
    key: String

    value: Identifier
}

@private
@mediaType("text/markdown; charset=UTF-8; variant=CommonMark")
string CommonMark

@private
@pattern("^(_+[a-zA-Z0-9]|[a-zA-Z])\\w*$")
string Identifier

@private
@length(min: 1)
string NonEmptyString

@private
list NonEmptyStringList {
    member: NonEmptyString
}

@private
map NonEmptyStringMap {
    key: NonEmptyString
    value: NonEmptyString
}
