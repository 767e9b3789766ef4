$version: "2"
namespace example.malformed

//! ERROR TraitTarget @httpError | Trait `httpError` cannot be applied to `example.malformed#NotAnError`. This trait may only be applied to shapes that match the following selector: structure[trait|error]
@httpError(404)
structure NotAnError {}
