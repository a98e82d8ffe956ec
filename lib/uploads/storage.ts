import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { processSettings } from "@/lib/env";
import { signV4 } from "./sigv4";
import { sniffImage } from "./image-kind";

export type StoredObject = { key: string; url: string };

export type UploadStorage = {
  kind: "local" | "s3";
  put(args: { key: string; bytes: Buffer; contentType: string }): Promise<StoredObject>;
  /** Local storage only: S3 objects are served by the bucket (or its CDN) itself. */
  get?(key: string): Promise<{ bytes: Buffer; contentType: string } | null>;
};

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,300}$/i;

function assertKey(key: string) {
  if (!SAFE_KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`unsafe upload key: ${key}`);
}

/** Files under `root` (the embedded default: `.data/uploads`), served back by `GET {publicPath}/<key>`. */
export function createLocalStorage({ root, publicPath = "/api/v1/uploads" }: { root: string; publicPath?: string }): UploadStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertKey(key);
    const absolute = resolve(base, ...key.split("/"));
    if (!absolute.startsWith(base + sep)) throw new Error("upload path escapes the uploads directory");
    return absolute;
  };
  return {
    kind: "local",
    async put({ key, bytes }) {
      const absolute = pathOf(key);
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, bytes, { mode: 0o644 });
      return { key, url: `${publicPath}/${key}` };
    },
    async get(key) {
      let absolute: string;
      try {
        absolute = pathOf(key);
      } catch {
        return null;
      }
      const bytes = await readFile(absolute).catch(() => null);
      if (!bytes) return null;
      return { bytes, contentType: sniffImage(bytes)?.contentType ?? "application/octet-stream" };
    },
  };
}

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string; publicUrl?: string; fetch?: typeof fetch };

/** Any S3-compatible bucket, path-style (`{endpoint}/{bucket}/{key}`), signed with SigV4. */
export function createS3Storage({ endpoint, bucket, accessKeyId, secretAccessKey, region, publicUrl, fetch: doFetch = fetch }: S3Config): UploadStorage {
  const origin = endpoint.replace(/\/$/, "");
  return {
    kind: "s3",
    async put({ key, bytes, contentType }) {
      assertKey(key);
      const url = `${origin}/${bucket}/${key}`;
      const headers = signV4({
        method: "PUT",
        url,
        headers: { "content-type": contentType, "cache-control": "public, max-age=31536000, immutable" },
        body: bytes,
        region,
        credentials: { accessKeyId, secretAccessKey },
      });
      const res = await doFetch(url, { method: "PUT", headers, body: new Uint8Array(bytes) });
      if (!res.ok) throw new Error(`S3 upload failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
      return { key, url: publicUrl ? `${publicUrl.replace(/\/$/, "")}/${key}` : url };
    },
  };
}

export function uploadsRoot(dataDir = processSettings().dataDir) {
  return join(dataDir, "uploads");
}

/** S3 when S3_ENDPOINT, S3_BUCKET and keys are all set; otherwise files under `.data/uploads`. */
export function uploadStorageFromEnv(e: { S3_ENDPOINT?: string; S3_BUCKET?: string; S3_ACCESS_KEY_ID?: string; S3_SECRET_ACCESS_KEY?: string; S3_REGION: string; S3_PUBLIC_URL?: string }): UploadStorage {
  if (e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY) {
    return createS3Storage({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, region: e.S3_REGION, publicUrl: e.S3_PUBLIC_URL });
  }
  return createLocalStorage({ root: uploadsRoot() });
}
