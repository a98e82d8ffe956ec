import { createHmac } from "node:crypto";

/**
 * Flow's `s` parameter: HMAC-SHA256 (hex) with the store's secretKey over every parameter except `s`,
 * keys sorted alphabetically, each written as key immediately followed by value.
 */
export function signFlowParams(params: Record<string, string>, secretKey: string): string {
  const toSign = Object.keys(params)
    .filter((k) => k !== "s")
    .sort()
    .map((k) => `${k}${params[k]}`)
    .join("");
  return createHmac("sha256", secretKey).update(toSign).digest("hex");
}

export function withFlowSignature(params: Record<string, string>, secretKey: string): URLSearchParams {
  const out = new URLSearchParams(params);
  out.set("s", signFlowParams(params, secretKey));
  return out;
}
