import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidFields, notFound, type FieldIssue } from "@/lib/http/errors";
import { suggestedDeliveryMethods } from "./default-methods";
import type { DeliverySettingsInput, DeliveryType } from "./schemas";

type DeliveryMethodDto = {
  id: string;
  type: DeliveryType;
  name: string;
  fee_minor: number;
  free_over_minor: number | null;
  zones: string[];
  address: string | null;
  instructions: string | null;
  active: boolean;
};

type MethodRow = { id: string; type: string; name: string; feeMinor: number; freeOverMinor: number | null; zones: string[]; address: string | null; instructions: string | null; active: boolean };

function toMethodDto(m: MethodRow): DeliveryMethodDto {
  return { id: m.id, type: m.type as DeliveryType, name: m.name, fee_minor: m.feeMinor, free_over_minor: m.freeOverMinor, zones: m.zones, address: m.address, instructions: m.instructions, active: m.active };
}

/** The store's delivery methods (not deleted), in the seller's order. */
export async function listDeliveryMethods(storeId: string, { activeOnly = false } = {}) {
  return prisma.deliveryMethod.findMany({ where: { storeId, deletedAt: null, ...(activeOnly && { active: true }) }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

/** Settings → Delivery: the saved methods, the combine window, and (while none is saved) the country's proposal. */
export async function getDeliverySettings(storeId: string) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { country: true, currency: true, locale: true, combineWindowHours: true } });
  if (!store) throw notFound("Store");
  const methods = (await listDeliveryMethods(storeId)).map(toMethodDto);
  return {
    store_id: storeId,
    country: store.country,
    currency: store.currency,
    methods,
    combine_window_hours: store.combineWindowHours,
    suggested_methods: methods.length === 0 ? suggestedDeliveryMethods({ country: store.country, locale: store.locale }) : [],
  };
}

/**
 * Replaces the store's delivery methods with the list given: a method with an `id` is updated, one without
 * is created, a saved one missing from the list is removed (kept for the orders that chose it). OWNER only
 * (the route checks). An unknown id answers 422 naming it and changes nothing.
 */
export async function saveDeliverySettings({ storeId, input, actorId, ip }: { storeId: string; input: DeliverySettingsInput; actorId: string; ip?: string | null }) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`delivery-settings:${storeId}`}))`;
    const existing = await tx.deliveryMethod.findMany({ where: { storeId, deletedAt: null } });
    const byId = new Map(existing.map((m) => [m.id, m]));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    input.methods.forEach((m, i) => {
      if (m.id && !byId.has(m.id)) issues.push({ field: `methods.${i}.id`, code: "not_found", message: "is not a delivery method of this store" });
      if (m.id && seen.has(m.id)) issues.push({ field: `methods.${i}.id`, code: "invalid", message: "appears twice" });
      if (m.id) seen.add(m.id);
    });
    if (issues.length) throw invalidFields(issues);

    const before = existing.map(toMethodDto);
    const now = new Date();
    const keep = new Set(input.methods.map((m) => m.id).filter(Boolean) as string[]);
    await tx.deliveryMethod.updateMany({ where: { storeId, deletedAt: null, id: { notIn: [...keep] } }, data: { deletedAt: now, active: false } });
    for (const [position, m] of input.methods.entries()) {
      const data = {
        type: m.type,
        name: m.name,
        feeMinor: m.fee_minor,
        freeOverMinor: m.free_over_minor ?? null,
        zones: [...new Set(m.zones)],
        address: m.address || null,
        instructions: m.instructions || null,
        active: m.active,
        position,
      };
      if (m.id) await tx.deliveryMethod.update({ where: { id: m.id }, data });
      else await tx.deliveryMethod.create({ data: { ...data, storeId } });
    }
    if (input.combine_window_hours !== undefined) await tx.store.update({ where: { id: storeId }, data: { combineWindowHours: input.combine_window_hours } });
    const after = (await tx.deliveryMethod.findMany({ where: { storeId, deletedAt: null }, orderBy: { position: "asc" } })).map(toMethodDto);
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "delivery.settings_saved", entityType: "store", entityId: storeId, data: { before, after, combine_window_hours: input.combine_window_hours ?? null }, ip: ip ?? null });
  });
  return getDeliverySettings(storeId);
}
