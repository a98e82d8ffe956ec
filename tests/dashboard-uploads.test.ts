import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { signV4 } from "@/lib/uploads/sigv4";
import { createS3Storage } from "@/lib/uploads/storage";
import { saveProductImage } from "@/lib/uploads/save-product-image";
import * as uploadRoute from "@/app/api/v1/uploads/route";
import * as serveRoute from "@/app/api/v1/uploads/[...key]/route";
import { createStoreFor, signUp } from "./helpers/factories";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "lss-uploads-"));
  process.env.LSS_DATA_DIR = dataDir;
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

function upload({ token, storeId, file, name = "foto.png", type = "image/png" }: { token: string; storeId?: string; file: Buffer; name?: string; type?: string }) {
  const form = new FormData();
  if (storeId) form.set("store_id", storeId);
  form.set("file", new File([new Uint8Array(file)], name, { type }));
  const req = new NextRequest(new URL("/api/v1/uploads", "http://localhost:3000"), { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  return uploadRoute.POST(req, { params: Promise.resolve({}) });
}

function serve(path: string) {
  const key = path.replace(/^\/api\/v1\/uploads\//, "").split("/");
  return serveRoute.GET(new NextRequest(new URL(path, "http://localhost:3000")), { params: Promise.resolve({ key }) });
}

describe("AWS Signature Version 4", () => {
  test("matches AWS's published example for GET /test.txt with a Range header", () => {
    const headers = signV4({
      method: "GET",
      url: "https://examplebucket.s3.amazonaws.com/test.txt",
      headers: { range: "bytes=0-9" },
      region: "us-east-1",
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
      date: new Date("2013-05-24T00:00:00Z"),
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});

describe("product image uploads", () => {
  test("a member uploads a PNG; it is stored under the store's folder and served back as an image", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const res = await upload({ token: owner.accessToken, storeId: store.id, file: PNG });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ content_type: "image/png", size: PNG.length });
    expect(body.url).toMatch(new RegExp(`^/api/v1/uploads/products/${store.id}/[a-z0-9]+-[0-9a-f]{24}\\.png$`));
    const served = await serve(body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test("SVG or HTML dressed as an image is refused by its bytes, whatever its name or declared type", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const svg = await upload({ token: owner.accessToken, storeId: store.id, file: Buffer.from('<svg onload="alert(1)"/>'), name: "x.png", type: "image/png" });
    expect(svg.status).toBe(422);
    expect((await svg.json()).error.details[0].field).toBe("file");
    const empty = await upload({ token: owner.accessToken, storeId: store.id, file: Buffer.alloc(0) });
    expect(empty.status).toBe(422);
    const big = await upload({ token: owner.accessToken, storeId: store.id, file: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]) });
    expect(big.status).toBe(413);
  });

  test("uploading into another tenant's store answers 404; a missing store_id names the field", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const stranger = await signUp();
    expect((await upload({ token: stranger.accessToken, storeId: store.id, file: PNG })).status).toBe(404);
    const missing = await upload({ token: owner.accessToken, file: PNG });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.details[0].field).toBe("store_id");
  });

  test("only the public products folder is served: receipts and path tricks answer 404", async () => {
    expect((await serve("/api/v1/uploads/receipts/order1/x.png")).status).toBe(404);
    expect((await serve("/api/v1/uploads/products/../secrets.json")).status).toBe(404);
    expect((await serve("/api/v1/uploads/products/nope/missing.png")).status).toBe(404);
  });

  test("with S3 configured the image is PUT path-style to the bucket, signed, with its type and bytes", async () => {
    const seen: { method?: string; url?: string; headers?: IncomingMessage["headers"]; body?: Buffer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const storage = createS3Storage({ endpoint, bucket: "media", accessKeyId: "AKIDTEST", secretAccessKey: "secret", region: "auto", publicUrl: "https://cdn.example.com" });
      const stored = await saveProductImage({ storage, storeId: "store_1", bytes: PNG });
      expect(seen.method).toBe("PUT");
      expect(seen.url).toBe(`/media/${stored.key}`);
      expect(stored.url).toBe(`https://cdn.example.com/${stored.key}`);
      expect(seen.headers!["content-type"]).toBe("image/png");
      expect(seen.headers!["x-amz-content-sha256"]).toBe(createHash("sha256").update(PNG).digest("hex"));
      expect(seen.headers!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/auto\/s3\/aws4_request,SignedHeaders=cache-control;content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
      expect(seen.body!.equals(PNG)).toBe(true);
    } finally {
      server.close();
    }
  });
});
