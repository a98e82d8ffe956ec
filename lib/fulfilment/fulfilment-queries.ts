import { z } from "zod";
import { badRequest } from "@/lib/http/errors";

export const storeQuery = z.object({ store_id: z.string().min(1, "is required").max(64), live_id: z.string().max(64).optional() });

/** A CSV upload as text; anything but UTF-8 is refused with a code the dashboard translates. */
export function decodeCsv(raw: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw badRequest("invalid_encoding", "The file is not valid UTF-8. Save it as 'CSV UTF-8' and try again.");
  }
}
