$version: "2"
namespace example.malformed

structure Pair {
    a: String

    //! ERROR JsonName @jsonName | This shape contains members with conflicting JSON names that resolve to 'a': a, b
    @jsonName("a")
    b: String
}
