$version: "2"
namespace example.malformed

//! ERROR TraitValue @length | Error validating trait `length`.max: Expected number value for long shape, `smithy.api#Long`; found string value, `64`
@length(min: 1, max: "64")
string Name
