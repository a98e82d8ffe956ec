import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { saveCheckoutDetails } from "@/lib/fulfilment/checkout-details";
import { eraseBuyerDeliveryData, exportBuyerDeliveryData } from "@/lib/fulfilment/buyer-delivery-data";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { optOutBuyer } from "@/lib/pipeline/buyers";
import { pendingOrder } from "@/tests/helpers/payments";
import { seedBuyer, seedStore } from "./helpers/seed";

async function buyerWithDetails() {
  const { store, products, pageId } = await seedStore();
  await prisma.deliveryMethod.create({ data: { storeId: store.id, type: "shipping", name: "Envío", feeMinor: 3990 } });
  const method = await prisma.deliveryMethod.findFirstOrThrow({ where: { storeId: store.id } });
  const buyer = await seedBuyer(store.id, pageId, "Carla Díaz");
  const other = await seedBuyer(store.id, pageId, "Otra");
  const orders = [];
  for (const b of [buyer, buyer, other]) {
    const o = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: b.id });
    const order = (await loadCheckoutOrder({ orderId: o.id, token: o.checkoutToken }))!;
    await saveCheckoutDetails({ order, input: { name: `${b.name} Real`, phone: "+56 9 1111 2222", email: "carla@example.com", delivery_method_id: method.id, address: { line1: "Av. Italia 1500", city: "Ñuñoa", region: "Metropolitana", country: "CL" } } });
    orders.push(o);
  }
  return { buyer, other, orders };
}

describe("buyer delivery data (export and erasure)", () => {
  test("the export lists every address and contact the buyer gave, and nobody else's", async () => {
    const { buyer, orders } = await buyerWithDetails();
    const data = await exportBuyerDeliveryData(buyer.id);
    expect(data.map((d) => d.order_id)).toEqual([orders[0]!.id, orders[1]!.id]);
    expect(data[0]).toMatchObject({ name: "Carla Díaz Real", phone: "+56911112222", email: "carla@example.com", address: { line1: "Av. Italia 1500", city: "Ñuñoa" }, delivery_method: { type: "shipping" }, shipping_minor: 3990 });
  });

  test("erasure blanks names, phones, emails and addresses (inside a caller's transaction too) while the orders keep their fee", async () => {
    const { buyer, other, orders } = await buyerWithDetails();
    const count = await prisma.$transaction((tx) => eraseBuyerDeliveryData(buyer.id, tx));
    expect(count).toBe(2);
    const rows = await prisma.orderDelivery.findMany({ where: { buyerId: buyer.id } });
    for (const r of rows) {
      expect(r).toMatchObject({ contactName: "", contactPhone: "", contactEmail: null, address: null });
      expect(r.addressKey).not.toContain("italia");
    }
    expect(JSON.stringify(await exportBuyerDeliveryData(buyer.id))).not.toMatch(/Italia|Carla|\+569/);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: orders[0]!.id } })).toMatchObject({ shippingMinor: 3990, totalMinor: 15990 + 3990 });
    expect((await exportBuyerDeliveryData(other.id))[0]).toMatchObject({ name: "Otra Real", address: { line1: "Av. Italia 1500" } });
  });

  test("a buyer's \"delete my data\" (opt-out with erasure) also erases her delivery details", async () => {
    const { buyer } = await buyerWithDetails();
    await optOutBuyer({ buyerId: buyer.id, erase: true });
    expect(await prisma.orderDelivery.count({ where: { buyerId: buyer.id, OR: [{ contactName: { not: "" } }, { contactPhone: { not: "" } }] } })).toBe(0);
  });
});
