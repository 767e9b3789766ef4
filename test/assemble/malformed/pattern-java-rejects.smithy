$version: "2"
namespace example.malformed

//! ERROR PatternTrait @pattern | Invalid @pattern on `example.malformed#Code`: Java would not compile `[a-`
//! WARNING PatternTrait @pattern | A pattern trait is applied without a leading '^' and trailing '$'
@pattern("[a-")
string Code
