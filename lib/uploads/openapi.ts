import type { Operation } from "@/lib/http/openapi";

/** Product images: the API operations of this domain, documented with the schemas their routes validate with. */
export const uploadOperations: Operation[] = [
  { method: "post", path: "/api/v1/uploads", tag: "inventory", summary: "Upload a product image (JPEG/PNG/WebP/GIF, 5 MB); local disk or S3-compatible storage", status: 201, errors: [413, 415, 422] },
];
