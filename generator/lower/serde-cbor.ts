/**
 * CBOR serialization decisions for rpcv2Cbor, as a `SerdeFormat` of the one planner in serde.ts
 * (structures, unions, lists, maps, sparse collections, defaults and error correction are
 * planned there, the same for every format). What CBOR changes, as Smithy's rpcv2Cbor spec says:
 * - timestamps are `Date`s the codec writes as tag 1 (epoch seconds), whatever `@timestampFormat`
 *   says, and read back from tag 1 (or bare epoch seconds);
 * - blobs are byte strings: `Uint8Array`s pass through both ways, no base64;
 * - NaN and the infinities are ordinary CBOR floats, bigIntegers ordinary integers or bignums:
 *   both pass through;
 * - CBOR can carry `undefined`, so every structure serializer drops absent members;
 * - strings, booleans, bigDecimals (as their text) and documents read as in JSON.
 * The codec itself (runtime/cbor.ts) turns those values into bytes and back.
 */
import { code, runtime, valueRef, type Code } from "../code/index.js";
import { JSON_FORMAT, type SerdeFormat } from "./serde.js";

const cbor = (name: Parameters<typeof runtime.cbor>[0]): Code => code`${valueRef(runtime.cbor(name))}`;

/** rpcv2Cbor's wire format. */
export const CBOR_FORMAT: SerdeFormat = {
  name: "CBOR",
  ser: {
    blob: undefined,
    float: undefined,
    bigInteger: undefined,
    timestamp: () => undefined,
  },
  dropAbsent: { helper: cbor("withoutAbsent"), always: true },
  timestampDefault: (date) => code`new Date(${date.getTime()})`,
  readers: {
    ...JSON_FORMAT.readers,
    blob: cbor("deCborBlob"),
    number: cbor("deCborNumber"),
    bigInteger: cbor("deCborBigInt"),
    timestamp: cbor("deCborTimestamp"),
  },
};
