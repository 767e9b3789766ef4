$version: "2"
namespace example.malformed

//! ERROR TraitConflict @uniqueItems | Found conflicting traits on list shape: `uniqueItems` conflicts with `sparse`
@uniqueItems
@sparse
list Names {
    member: String
}
