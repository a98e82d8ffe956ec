import { createHash, createHmac } from "node:crypto";

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string };

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (each path segment encoded, `/` kept). */
function encodePath(path: string) {
  return path
    .split("/")
    .map((s) => encodeURIComponent(decodeURIComponent(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

function canonicalQuery(url: URL) {
  const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return [...url.searchParams.entries()]
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/**
 * AWS Signature Version 4 for one request (header-based, signed payload), as S3-compatible stores
 * (AWS, R2, MinIO, Spaces, B2) accept it. Returns the headers to send, including Authorization.
 */
export function signV4({ method, url, headers = {}, body = "", region, service = "s3", credentials, date = new Date() }: {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  region: string;
  service?: string;
  credentials: SigV4Credentials;
  date?: Date;
}): Record<string, string> {
  const u = new URL(url);
  const amzDate = date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(body);
  const all: Record<string, string> = { ...headers, host: u.host, "x-amz-date": amzDate, "x-amz-content-sha256": payloadHash };
  const lower = Object.entries(all).map(([k, v]) => [k.toLowerCase(), String(v).trim().replace(/\s+/g, " ")] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = lower.map(([k]) => k).join(";");
  const canonicalRequest = [method.toUpperCase(), encodePath(u.pathname || "/"), canonicalQuery(u), lower.map(([k, v]) => `${k}:${v}\n`).join(""), signedHeaders, payloadHash].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return {
    ...Object.fromEntries(lower.filter(([k]) => k !== "host")),
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}
