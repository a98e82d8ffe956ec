import { z } from "zod";
import { prisma } from "@/lib/db";

export const storeAuditQuery = z.object({
  action: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().datetime().optional(),
});

export const auditEntryOutput = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.string().describe("the acting user's email, or system | webhook | buyer"),
  actor_type: z.enum(["user", "system", "webhook", "buyer"]),
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  entity_type: z.string(),
  entity_id: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  data: z.unknown(),
  at: z.string(),
});

type Data = Record<string, unknown> & { before?: unknown; after?: unknown };

/** A store's audit trail, newest first; `action` matches any part of the action name (`price`, `product.`). */
export async function listStoreAudit({ storeId, query }: { storeId: string; query: z.output<typeof storeAuditQuery> }): Promise<z.infer<typeof auditEntryOutput>[]> {
  const rows = await prisma.auditLog.findMany({
    where: {
      storeId,
      ...(query.action && { action: { contains: query.action, mode: "insensitive" as const } }),
      ...(query.before && { createdAt: { lt: new Date(query.before) } }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  const userIds = [...new Set(rows.filter((r) => r.actorType === "USER" && r.actorId).map((r) => r.actorId!))];
  const users = userIds.length ? await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, fullName: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => {
    const { before, after, ...rest } = (r.data ?? {}) as Data;
    const user = r.actorType === "USER" && r.actorId ? byId.get(r.actorId) : undefined;
    const type = r.actorType.toLowerCase() as "user" | "system" | "webhook" | "buyer";
    return {
      id: r.id,
      action: r.action,
      actor: user?.email ?? type,
      actor_type: type,
      actor_id: r.actorId,
      actor_name: user?.fullName ?? null,
      entity_type: r.entityType,
      entity_id: r.entityId,
      before: before ?? null,
      after: after ?? null,
      data: rest,
      at: r.createdAt.toISOString(),
    };
  });
}
