#!/usr/bin/env node
// Interop harness for the TypedGrains MessagePack tests (driven by tests/TypedGrains.Serialization.Tests).
//
//   node msgpack-interop.js suite <out.json>   dump every msgpack-test-suite case: its expected value and encodings
//   node msgpack-interop.js decode             read a JSON array of hex strings on stdin, decode each with
//                                              @msgpack/msgpack, write a JSON array of results on stdout
//   node msgpack-interop.js encode             read a JSON array of typed JSON values on stdin, encode each with
//                                              @msgpack/msgpack, write a JSON array of hex strings on stdout
//
// Values travel as "typed JSON", one key per MessagePack family, so nothing is lost to JavaScript's numbers:
//   {"nil":null} {"bool":true} {"int":"-12"} {"float":"<16 hex digits: IEEE 754 double bits>"} {"str":"..."}
//   {"bin":"<hex>"} {"array":[...]} {"map":[[key, value], ...]} {"ext":{"type":5,"data":"<hex>"}}
//   {"timestamp":{"sec":"<integer>","nsec":123}}
"use strict";

const fs = require("fs");
const path = require("path");
const msgpack = require("@msgpack/msgpack");
const suite = require("msgpack-test-suite");

function hexOf(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

function floatBits(value) {
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleBE(value);
  return buffer.toString("hex");
}

function typedNumber(value) {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? { int: String(value) } : { float: floatBits(value) };
}

// A plain JSON value of the suite (numbers, strings, arrays, objects) as typed JSON.
function typedFromJson(value) {
  if (value === null) return { nil: null };
  if (typeof value === "boolean") return { bool: value };
  if (typeof value === "number") return typedNumber(value);
  if (typeof value === "string") return { str: value };
  if (Array.isArray(value)) return { array: value.map(typedFromJson) };
  return { map: Object.keys(value).map((key) => [{ str: key }, typedFromJson(value[key])]) };
}

function dashedHexToHex(text) {
  return text.replace(/-/g, "").toLowerCase();
}

// The expected value of one suite case, from the one key (besides "msgpack") that names its type.
function expectedOf(testCase) {
  if ("nil" in testCase) return { nil: null };
  if ("bool" in testCase) return { bool: testCase.bool };
  if ("binary" in testCase) return { bin: dashedHexToHex(testCase.binary) };
  if ("bignum" in testCase) return { int: testCase.bignum };
  if ("number" in testCase) return typedNumber(testCase.number);
  if ("string" in testCase) return { str: testCase.string };
  if ("array" in testCase) return typedFromJson(testCase.array);
  if ("map" in testCase) return typedFromJson(testCase.map);
  if ("timestamp" in testCase) return { timestamp: { sec: String(testCase.timestamp[0]), nsec: testCase.timestamp[1] } };
  if ("ext" in testCase) return { ext: { type: testCase.ext[0], data: dashedHexToHex(testCase.ext[1]) } };
  throw new Error("Unknown suite case: " + JSON.stringify(testCase));
}

function dumpSuite(outFile) {
  const groups = Object.keys(suite).sort();
  const cases = [];
  for (const group of groups) {
    suite[group].forEach((testCase, index) => {
      cases.push({
        group,
        name: `${group}#${index}`,
        value: expectedOf(testCase),
        encodings: testCase.msgpack.map(dashedHexToHex),
      });
    });
  }
  const versions = {
    "@msgpack/msgpack": require("@msgpack/msgpack/package.json").version,
    "msgpack-test-suite": require("msgpack-test-suite/package.json").version,
  };
  fs.writeFileSync(outFile, JSON.stringify({ versions, groups, cases }, null, 1));
}

// Decodes timestamps to their exact seconds/nanoseconds instead of a millisecond Date.
class TimeSpec {
  constructor(spec) {
    this.sec = spec.sec;
    this.nsec = spec.nsec;
  }
}

const extensionCodec = new msgpack.ExtensionCodec();
extensionCodec.register({
  type: msgpack.EXT_TIMESTAMP,
  encode: () => null,
  decode: (data) => new TimeSpec(msgpack.decodeTimestampToTimeSpec(data)),
});

function typedFromDecoded(value) {
  if (value === null || value === undefined) return { nil: null };
  if (typeof value === "boolean") return { bool: value };
  if (typeof value === "bigint") return { int: value.toString() };
  if (typeof value === "number") return typedNumber(value);
  if (typeof value === "string") return { str: value };
  if (value instanceof Uint8Array) return { bin: hexOf(value) };
  if (Array.isArray(value)) return { array: value.map(typedFromDecoded) };
  if (value instanceof TimeSpec) return { timestamp: { sec: String(value.sec), nsec: value.nsec } };
  if (value instanceof msgpack.ExtData) return { ext: { type: value.type, data: hexOf(value.data) } };
  return { map: Object.keys(value).map((key) => [{ str: key }, typedFromDecoded(value[key])]) };
}

function decodeAll(input) {
  const decoder = new msgpack.Decoder({ useBigInt64: true, extensionCodec });
  return JSON.parse(input).map((hex) => {
    try {
      return { value: typedFromDecoded(decoder.decode(Buffer.from(hex, "hex"))) };
    } catch (error) {
      return { error: String(error && error.message ? error.message : error) };
    }
  });
}

// A typed JSON value as the JavaScript value @msgpack/msgpack encodes to the same MessagePack family.
function decodedFromTyped(typed) {
  const key = Object.keys(typed)[0];
  const value = typed[key];
  switch (key) {
    case "nil": return null;
    case "bool": return value;
    case "int": {
      // Numbers beyond 32 bits would be encoded as float64: those travel as BigInt (int64/uint64).
      const big = BigInt(value);
      return big >= -2147483648n && big <= 4294967295n ? Number(big) : big;
    }
    case "float": return Buffer.from(value, "hex").readDoubleBE(0);
    case "str": return value;
    case "bin": return new Uint8Array(Buffer.from(value, "hex"));
    case "array": return value.map(decodedFromTyped);
    case "map": {
      // The encoder writes plain objects as maps with string keys; it has no way to write other keys.
      const object = {};
      for (const [k, v] of value) {
        if (!("str" in k)) throw new Error("@msgpack/msgpack can only encode maps with string keys");
        object[k.str] = decodedFromTyped(v);
      }
      return object;
    }
    case "ext": return new msgpack.ExtData(value.type, new Uint8Array(Buffer.from(value.data, "hex")));
    case "timestamp":
      return new msgpack.ExtData(msgpack.EXT_TIMESTAMP,
        msgpack.encodeTimeSpecToTimestamp({ sec: Number(value.sec), nsec: value.nsec }));
    default: throw new Error("Unknown typed value: " + key);
  }
}

function encodeAll(input) {
  const encoder = new msgpack.Encoder({ useBigInt64: true });
  return JSON.parse(input).map((typed) => hexOf(encoder.encode(decodedFromTyped(typed))));
}

function main(args) {
  const command = args[0];
  if (command === "suite" && args.length === 2) {
    dumpSuite(path.resolve(args[1]));
    return;
  }
  if (command === "decode" && args.length === 1) {
    const input = fs.readFileSync(0, "utf8");
    process.stdout.write(JSON.stringify(decodeAll(input)));
    return;
  }
  if (command === "encode" && args.length === 1) {
    const input = fs.readFileSync(0, "utf8");
    process.stdout.write(JSON.stringify(encodeAll(input)));
    return;
  }
  process.stderr.write("usage: msgpack-interop.js suite <out.json> | decode < hex-array.json | encode < typed-array.json\n");
  process.exit(2);
}

main(process.argv.slice(2));
