$version: "2"
namespace example.malformed

//! ERROR TraitTarget @required | Trait `required` cannot be applied to `example.malformed#Name`. This trait may only be applied to shapes that match the following selector: structure > member
@required
string Name
