import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_DIGEST_LENGTH = 64;

/** `sha256=<hex>` HMAC of the exact bytes Meta sent (the simulator and tests sign with it too). */
export function signMetaPayload(rawBody: Buffer | Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac("sha256", appSecret).update(rawBody).digest("hex");
}

/**
 * Checks `X-Hub-Signature-256` against the raw request bytes. Verifying a re-serialised JSON would
 * fail on Meta's `\u00e9`-style escapes, so callers must pass the body exactly as received.
 */
export function verifyMetaSignature({
  rawBody,
  header,
  appSecret,
}: {
  rawBody: Buffer | Uint8Array;
  header: string | null | undefined;
  appSecret: string;
}): boolean {
  if (!header || !appSecret) return false;
  const value = header.trim();
  if (!value.toLowerCase().startsWith(PREFIX)) return false;
  const hex = value.slice(PREFIX.length);
  // Length and alphabet are checked first because timingSafeEqual throws on unequal lengths.
  if (hex.length !== HEX_DIGEST_LENGTH || !/^[0-9a-fA-F]+$/.test(hex)) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, "hex"));
}
