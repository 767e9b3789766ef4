$version: "2"
namespace example.malformed

@mixin
structure Paged {
    // Reported twice: on the mixin's member and on the member ListThings inherits.
    //! ERROR LengthTrait @length | A length trait is applied with a `min` value greater than its `max` value.
    //! ERROR LengthTrait @length | A length trait is applied with a `min` value greater than its `max` value.
    @length(min: 3, max: 2)
    token: String
}

// The error of a trait inherited from a mixin points at the trait in the mixin; the one of a
// trait applied from outside points at the `apply` statement's trait.
structure ListThings with [Paged] {}

string Limit

//! ERROR TraitTarget @length | Trait `length` cannot be applied to `example.malformed#Amount`. This trait may only be applied to shapes that match the following selector: :test(list, map, string, blob, member > :is(list, map, string, blob))
apply Amount @length(max: 3)

integer Amount
