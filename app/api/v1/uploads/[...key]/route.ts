import { NextResponse, type NextRequest } from "next/server";
import { createLocalStorage, uploadsRoot } from "@/lib/uploads/storage";

const missing = () => NextResponse.json({ error: { code: "not_found", message: "File not found" } }, { status: 404 });

/**
 * Serves product images stored locally (the embedded default). Only the public `products/` folder:
 * other files under `.data/uploads` (transfer receipts) are never reachable from here.
 */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ key: string[] }> }) {
  const path = (await params).key.join("/");
  if (!path.startsWith("products/")) return missing();
  const file = await createLocalStorage({ root: uploadsRoot() }).get!(path);
  if (!file || !file.contentType.startsWith("image/")) return missing();
  return new Response(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.contentType, "Cache-Control": "public, max-age=31536000, immutable", "Content-Security-Policy": "default-src 'none'", "Content-Length": String(file.bytes.length) },
  });
}
