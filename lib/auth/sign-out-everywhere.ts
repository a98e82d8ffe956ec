import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeUserSessions } from "./revoke-user-sessions";

/** "Sign out everywhere": every session and API token of the user, this one included, stops working now. */
export async function signOutEverywhere({ userId, ip }: { userId: string; ip?: string | null }) {
  await prisma.$transaction(async (tx) => {
    await revokeUserSessions(tx, userId);
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.signed_out_everywhere", entityType: "user", entityId: userId, ip: ip ?? null });
  });
  return { ok: true };
}
