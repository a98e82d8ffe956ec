import { randomBytes } from "node:crypto";
import { sha256 } from "@/lib/security/tokens";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten single-use codes like `k7pq3-mzr8t`; about 49 bits each, so a SHA-256 of the normalised code is a safe store. */
export function newBackupCodes(count = 10) {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normalizeBackupCode(code: string) {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashBackupCode(code: string) {
  return sha256(`lss-backup:${normalizeBackupCode(code)}`);
}
