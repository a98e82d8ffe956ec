import { personalDataHolders } from "./personal-data-holders";

/** Everything held about one buyer, holder by holder (GET /api/v1/buyers/{id}/export). */
export async function exportBuyerData({ buyerId }: { buyerId: string }) {
  const sections = await Promise.all(personalDataHolders.map(async (h) => [h.name, await h.export(buyerId)] as const));
  return { exported_at: new Date().toISOString(), buyer_id: buyerId, ...Object.fromEntries(sections) };
}
