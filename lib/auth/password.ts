import { processSettings } from "@/lib/env";
import bcrypt from "bcryptjs";

const COST = processSettings().nodeEnv === "test" ? 4 : 11;

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so a miss costs the same time as a hit.
export const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", COST);
