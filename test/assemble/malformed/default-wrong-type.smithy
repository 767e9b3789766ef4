$version: "2"
namespace example.malformed

structure Settings {
    //! ERROR - count | Invalid @default on example.malformed#Settings$count: expected a number
    count: Integer = "ten"
}
