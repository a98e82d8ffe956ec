import { createHmac, timingSafeEqual } from "node:crypto";

// Mercado Pago's webhook signature: `x-signature: ts=<ts>,v1=<hex>` where v1 is the HMAC-SHA256,
// keyed with the application's secret, of the manifest
//   id:<data.id from the URL>;request-id:<x-request-id header>;ts:<ts>;
// An alphanumeric data.id is lower-cased, and any part missing from the notification is left out.

export function parseXSignature(header: string): { ts: string; v1: string } | null {
  let ts = "";
  let v1 = "";
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "ts") ts = value;
    else if (key === "v1") v1 = value;
  }
  return ts && v1 ? { ts, v1 } : null;
}

export function mercadopagoManifest(args: { dataId: string | null; requestId: string | null; ts: string }): string {
  const id = args.dataId && /^[a-z0-9]+$/i.test(args.dataId) ? args.dataId.toLowerCase() : args.dataId;
  return `${id ? `id:${id};` : ""}${args.requestId ? `request-id:${args.requestId};` : ""}ts:${args.ts};`;
}

function signMercadopagoManifest(manifest: string, secret: string): string {
  return createHmac("sha256", secret).update(manifest).digest("hex");
}

export function mercadopagoSignatureMatches(args: { manifest: string; v1: string; secret: string }): boolean {
  const expected = Buffer.from(signMercadopagoManifest(args.manifest, args.secret), "hex");
  const given = /^[0-9a-f]+$/i.test(args.v1) ? Buffer.from(args.v1, "hex") : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
