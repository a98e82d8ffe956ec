export type ImageKind = { ext: "jpg" | "png" | "webp" | "gif"; contentType: string };

const KINDS: (ImageKind & { magic: (b: Buffer) => boolean })[] = [
  { ext: "jpg", contentType: "image/jpeg", magic: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: "png", contentType: "image/png", magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: "webp", contentType: "image/webp", magic: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { ext: "gif", contentType: "image/gif", magic: (b) => ["GIF87a", "GIF89a"].includes(b.subarray(0, 6).toString("latin1")) },
];

/**
 * The image type from the file's first bytes, never from its name or declared type: SVG and HTML are
 * refused outright, so nothing we serve back can run script in the dashboard's origin.
 */
export function sniffImage(bytes: Buffer): ImageKind | null {
  const kind = KINDS.find((k) => k.magic(bytes));
  return kind ? { ext: kind.ext, contentType: kind.contentType } : null;
}
