$version: "2"
namespace example.malformed

// Smithy warns about an unknown member of a trait value; the model stays valid.
//! WARNING TraitValue.UnknownMember @length | Error validating trait `length`: Member `maxx` does not exist in `smithy.api#length`
@length(maxx: 64)
string Name
