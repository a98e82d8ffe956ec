import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { decimalToMinor, minorToDecimalString } from "./money";

describe("minorToDecimalString", () => {
  it("writes zero-decimal currencies as plain integers", () => {
    expect(minorToDecimalString(15990, "CLP")).toBe("15990");
    expect(minorToDecimalString(1200, "JPY")).toBe("1200");
  });

  it("writes two-decimal currencies with exactly two decimals", () => {
    expect(minorToDecimalString(1999, "USD")).toBe("19.99");
    expect(minorToDecimalString(5, "EUR")).toBe("0.05");
    expect(minorToDecimalString(100, "BRL")).toBe("1.00");
    for (const c of ["MXN", "ARS", "PEN"]) expect(minorToDecimalString(123456, c)).toBe("1234.56");
  });

  it("follows CLDR minor units, which give COP and HUF none", () => {
    expect(minorToDecimalString(123456, "COP")).toBe("123456");
    expect(minorToDecimalString(123456, "HUF")).toBe("123456");
  });

  it("rejects non-integer minor amounts and malformed currency codes", () => {
    expect(() => minorToDecimalString(19.99, "USD")).toThrow(RangeError);
    expect(() => minorToDecimalString(100, "usd")).toThrow(RangeError);
  });
});

describe("decimalToMinor", () => {
  it("parses provider amounts exactly, without float drift", () => {
    expect(decimalToMinor("19.99", "USD")).toBe(1999);
    expect(decimalToMinor(19.99, "USD")).toBe(1999);
    expect(decimalToMinor(0.29, "USD")).toBe(29); // 0.29 * 100 === 28.999999999999996 in floats
  });

  it("accepts fewer decimals and redundant trailing zeros", () => {
    expect(decimalToMinor("19.9", "USD")).toBe(1990);
    expect(decimalToMinor("20", "USD")).toBe(2000);
    expect(decimalToMinor("15990.00", "CLP")).toBe(15990);
    expect(decimalToMinor(15990, "CLP")).toBe(15990);
  });

  it("rejects more precision than the currency has", () => {
    expect(() => decimalToMinor("19.999", "USD")).toThrow(/2 decimal/);
    expect(() => decimalToMinor("15990.5", "CLP")).toThrow(/0 decimal/);
    expect(() => decimalToMinor(1.005, "USD")).toThrow(RangeError);
  });

  it("rejects negative, exponent and garbage input", () => {
    for (const bad of ["-1.00", "1e3", "", "12,50", "abc", " . "]) {
      expect(() => decimalToMinor(bad, "USD"), bad).toThrow(RangeError);
    }
    expect(() => decimalToMinor(1e21, "USD")).toThrow(RangeError);
    expect(() => decimalToMinor(Number.NaN, "USD")).toThrow(RangeError);
  });

  it("round-trips with minorToDecimalString", () => {
    for (const [minor, c] of [[0, "USD"], [1, "USD"], [99, "EUR"], [15990, "CLP"], [123456789, "COP"]] as const) {
      expect(decimalToMinor(minorToDecimalString(minor, c), c)).toBe(minor);
    }
  });
});

describe("formatMoney", () => {
  it("formats in the locale's convention", () => {
    expect(formatMoney(15990, "CLP", "es-CL")).toBe("$15.990");
    expect(formatMoney(1999, "USD", "en-US")).toBe("$19.99");
  });

  it("keeps every digit of large amounts", () => {
    expect(formatMoney(9007199254740991, "USD", "en-US")).toBe("$90,071,992,547,409.91");
  });
});
