import type { StoreRole } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";

export type MemberDto = { id: string; user_id: string; email: string; full_name: string; role: StoreRole; joined_at: string; is_you: boolean };
export type InvitationDto = { id: string; email: string; role: StoreRole; expires_at: string; created_at: string; expired: boolean };

/** The store's team; pending invitations are shown to owners only (they carry other people's emails and are theirs to manage). */
export async function listMembers({ storeId, viewer }: { storeId: string; viewer: { id: string; role: StoreRole } }) {
  const [memberships, invitations] = await Promise.all([
    prisma.membership.findMany({ where: { storeId }, include: { user: { select: { email: true, fullName: true } } }, orderBy: { createdAt: "asc" } }),
    viewer.role === "OWNER" ? prisma.invitation.findMany({ where: { storeId, acceptedAt: null }, orderBy: { createdAt: "desc" } }) : [],
  ]);
  const now = Date.now();
  return {
    members: memberships.map<MemberDto>((m) => ({ id: m.id, user_id: m.userId, email: m.user.email, full_name: m.user.fullName, role: m.role, joined_at: m.createdAt.toISOString(), is_you: m.userId === viewer.id })),
    invitations: invitations.map<InvitationDto>((i) => ({ id: i.id, email: i.email, role: i.role, expires_at: i.expiresAt.toISOString(), created_at: i.createdAt.toISOString(), expired: i.expiresAt.getTime() <= now })),
  };
}
