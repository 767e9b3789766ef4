$version: "2"
namespace example.malformed

//! ERROR PatternTrait @pattern | Invalid @pattern on `example.malformed#Code`: Java would not compile `[a-`
@pattern("[a-")
string Code
