$version: "2"
namespace example.malformed

//! ERROR TraitTarget @range | Trait `range` cannot be applied to `example.malformed#Name`. This trait may only be applied to shapes that match the following selector: :test(number, member > number)
@range(min: 1)
string Name
