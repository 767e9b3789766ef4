$version: "2"
namespace example.malformed

structure Settings {
    //! ERROR DefaultTrait = | Error validating @default trait: Expected number value for integer shape, `smithy.api#Integer`; found string value, `ten`
    count: Integer = "ten"
}
