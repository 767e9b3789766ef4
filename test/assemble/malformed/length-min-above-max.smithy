$version: "2"
namespace example.malformed

//! ERROR LengthTrait @length | A length trait is applied with a `min` value greater than its `max` value.
@length(min: 10, max: 1)
string Name
