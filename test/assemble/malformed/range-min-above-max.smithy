$version: "2"
namespace example.malformed

//! ERROR RangeTrait @range | A range trait is applied with a `min` value greater than its `max` value.
@range(min: 5, max: 1)
integer Count
