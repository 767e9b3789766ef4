// anvil's Smithy prelude, part 1: the built-in simple types and Unit.
// Written for anvil from the Smithy 2.0 specification (https://smithy.io/2.0/spec/model.html#prelude).
// Every shape here is public: models refer to them by their short names.
$version: "2.0"

namespace smithy.api

/// A UTF-8 string.
string String

/// Uninterpreted binary data.
blob Blob

/// An integer of any size.
bigInteger BigInteger

/// A decimal number of any size and precision.
bigDecimal BigDecimal

/// An instant in time, independent of any calendar or time zone.
timestamp Timestamp

/// Untyped data: null, a boolean, a number, a string, a list or a map of documents.
document Document

/// True or false.
boolean Boolean

/// An 8-bit signed integer.
byte Byte

/// A 16-bit signed integer.
short Short

/// A 32-bit signed integer.
integer Integer

/// A 64-bit signed integer.
long Long

/// A single-precision IEEE 754 floating point number.
float Float

/// A double-precision IEEE 754 floating point number.
double Double

/// A boolean that is false when not set.
@default(false)
boolean PrimitiveBoolean

/// A byte that is 0 when not set.
@default(0)
byte PrimitiveByte

/// A short that is 0 when not set.
@default(0)
short PrimitiveShort

/// An integer that is 0 when not set.
@default(0)
integer PrimitiveInteger

/// A long that is 0 when not set.
@default(0)
long PrimitiveLong

/// A float that is 0 when not set.
@default(0)
float PrimitiveFloat

/// A double that is 0 when not set.
@default(0)
double PrimitiveDouble

/// The empty value: an operation without input or output, or a union variant that carries
/// no data. It is the only shape allowed to carry `@unitType`.
@unitType
structure Unit {}
