import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signMetaPayload, verifyMetaSignature } from "./signature";

const secret = "app-secret-123";

describe("verifyMetaSignature", () => {
  it("accepts the sha256 HMAC of the exact body Meta sent", () => {
    const rawBody = Buffer.from('{"object":"page","entry":[]}');
    const header = `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
    expect(verifyMetaSignature({ rawBody, header, appSecret: secret })).toBe(true);
    expect(signMetaPayload(rawBody, secret)).toBe(header);
  });

  it("rejects a signature made with another secret or over another body", () => {
    const rawBody = Buffer.from('{"object":"page","entry":[]}');
    expect(verifyMetaSignature({ rawBody, header: signMetaPayload(rawBody, "other"), appSecret: secret })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: signMetaPayload(Buffer.from("{}"), secret), appSecret: secret })).toBe(false);
  });

  it("rejects a missing, empty or unprefixed header", () => {
    const rawBody = Buffer.from("{}");
    const hex = signMetaPayload(rawBody, secret).slice("sha256=".length);
    expect(verifyMetaSignature({ rawBody, header: null, appSecret: secret })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: "", appSecret: secret })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: hex, appSecret: secret })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: `sha1=${hex}`, appSecret: secret })).toBe(false);
  });

  it("rejects digests of another length or alphabet without throwing", () => {
    const rawBody = Buffer.from("{}");
    const good = signMetaPayload(rawBody, secret);
    expect(() => verifyMetaSignature({ rawBody, header: good.slice(0, -2), appSecret: secret })).not.toThrow();
    expect(verifyMetaSignature({ rawBody, header: good.slice(0, -2), appSecret: secret })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: `${good}00`, appSecret: secret })).toBe(false);
    expect(verifyMetaSignature({ rawBody, header: `sha256=${"z".repeat(64)}`, appSecret: secret })).toBe(false);
  });

  it("refuses to verify with an empty app secret", () => {
    const rawBody = Buffer.from("{}");
    expect(verifyMetaSignature({ rawBody, header: signMetaPayload(rawBody, ""), appSecret: "" })).toBe(false);
  });

  it("verifies unicode-escaped bodies on the raw bytes, not on re-serialised JSON", () => {
    // Meta escapes non-ASCII characters; JSON.parse + JSON.stringify turns "\u00e9" into "é".
    const rawBody = Buffer.from('{"object":"page","entry":[{"id":"1","changes":[{"value":{"message":"quiero la polera \\u00e9 \\ud83d\\udc4d"}}]}]}');
    const header = signMetaPayload(rawBody, secret);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString("utf8"))));
    expect(reserialised.equals(rawBody)).toBe(false);
    expect(verifyMetaSignature({ rawBody, header, appSecret: secret })).toBe(true);
    expect(verifyMetaSignature({ rawBody: reserialised, header, appSecret: secret })).toBe(false);
  });

  it("accepts a Uint8Array body", () => {
    const rawBody = new TextEncoder().encode('{"a":"ñ"}');
    expect(verifyMetaSignature({ rawBody, header: signMetaPayload(rawBody, secret), appSecret: secret })).toBe(true);
  });
});
