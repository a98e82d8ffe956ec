import { csvRow } from "@/lib/orders/csv";
import { listToShip } from "./to-ship-queue";

/**
 * The parcels still to ship as the CSV a courier's bulk upload takes: one row per parcel with the
 * recipient, phone, email, address, the orders it carries and its contents. Columns in English (couriers'
 * templates are mapped once by the seller); a UTF-8 BOM so spreadsheets read accents right.
 */
export async function buildShipmentsCsv({ storeId }: { storeId: string }): Promise<string> {
  const groups = (await listToShip({ storeId })).filter((g) => g.stage === "to_ship" && g.method?.type !== "pickup" && g.method?.type !== "chat");
  let out = `\uFEFF${csvRow(["orders", "recipient", "phone", "email", "address_line1", "address_line2", "city", "region", "postal_code", "country", "method", "contents", "units", "carrier", "tracking"])}`;
  for (const g of groups) {
    const a = g.address;
    const items = g.orders.flatMap((o) => o.items);
    out += csvRow([
      g.orders.map((o) => o.number).join(" "),
      g.contact?.name ?? g.buyer.name,
      // Digits of the E.164 number: a leading "+" would be read (and escaped) as a spreadsheet formula.
      (g.contact?.phone ?? "").replace(/^\+/, ""),
      g.contact?.email ?? "",
      a?.line1 ?? "",
      a?.line2 ?? "",
      a?.city ?? "",
      a?.region ?? "",
      a?.postal_code ?? "",
      a?.country ?? "",
      g.method?.name ?? "",
      items.map((i) => `${i.quantity}x ${i.sku}`).join("; "),
      items.reduce((n, i) => n + i.quantity, 0),
      "",
      "",
    ]);
  }
  return out;
}
