import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import * as closeRoute from "@/app/api/admin/tenants/[id]/close/route";
import * as exportRoute from "@/app/api/admin/tenants/[id]/export/route";
import * as tenantsRoute from "@/app/api/admin/tenants/route";
import * as tenantRoute from "@/app/api/admin/tenants/[id]/route";
import * as createOrder from "@/app/api/v1/orders/create/route";
import * as productsRoute from "@/app/api/v1/inventory/products/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Issue 16 §2: closing a tenant — typed confirmation, buyers anonymised as for erasure, secrets gone,
// orders/invoices/audit kept and exportable, audited, and a seller never reaches it.

describe("close a tenant", () => {
  test("needs the exact name, erases buyers, deletes secrets, keeps amounts; export before and after; twice is 409", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { name: "Tienda Final" });
    await call(productsRoute.POST, { token: owner.accessToken, body: { store_id: store.id, sku: "F1", name: "Falda", price: 12000, stock: 5 } });
    const order = await call(createOrder.POST, { token: owner.accessToken, body: { store_id: store.id, customer_fb_id: "fb_final", items: [{ sku: "F1", qty: 1 }] } });
    expect(order.status).toBe(201);
    const buyerId = (await prisma.order.findUniqueOrThrow({ where: { id: order.body.order_id } })).buyerId!;
    await prisma.buyer.update({ where: { id: buyerId }, data: { name: "Marta Pérez" } });
    expect(await prisma.paymentConfig.count({ where: { storeId: store.id } })).toBeGreaterThan(0);

    expect((await call(closeRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { confirm: "Tienda Final" } })).status).toBe(404);
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });

    const before = await call(exportRoute.GET, { params: { id: store.id }, token: admin.accessToken });
    expect(before.status).toBe(200);
    expect(before.body.orders).toEqual([expect.objectContaining({ total_minor: 12000, currency: "CLP" })]);
    expect(JSON.stringify(before.body)).not.toContain("Marta");

    const wrong = await call(closeRoute.POST, { params: { id: store.id }, token: admin.accessToken, body: { confirm: "tienda final" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0].field).toBe("confirm");
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).closedAt).toBeNull();
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyerId } })).name).toBe("Marta Pérez");

    const closed = await call(closeRoute.POST, { params: { id: store.id }, token: admin.accessToken, body: { confirm: "Tienda Final" } });
    expect(closed.status).toBe(200);
    expect(closed.body.buyers_erased).toBe(1);
    const row = await prisma.store.findUniqueOrThrow({ where: { id: store.id }, include: { subscription: true } });
    expect(row.closedAt).not.toBeNull();
    expect(row.suspendedAt).not.toBeNull();
    expect(row.subscription!.status).toBe("CANCELLED");
    expect(await prisma.paymentConfig.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.metaConnection.count({ where: { storeId: store.id } })).toBe(0);
    const buyer = await prisma.buyer.findUniqueOrThrow({ where: { id: buyerId } });
    expect(buyer.name).toBe("");
    expect(buyer.erasedAt).not.toBeNull();
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.body.order_id } })).totalMinor).toBe(12000);
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "tenant.closed", actorId: admin.userId } })).toBe(1);

    const after = await call(exportRoute.GET, { params: { id: store.id }, token: admin.accessToken });
    expect(after.body.store.closed_at).not.toBeNull();
    expect(after.body.orders).toHaveLength(1);
    const list = await call(tenantsRoute.GET, { path: "/api/admin/tenants?status=closed&limit=500", token: admin.accessToken });
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(store.id);
    expect((await call(tenantsRoute.GET, { path: "/api/admin/tenants?status=suspended&limit=500", token: admin.accessToken })).body.items.map((t: { id: string }) => t.id)).not.toContain(store.id);

    const again = await call(closeRoute.POST, { params: { id: store.id }, token: admin.accessToken, body: { confirm: "Tienda Final" } });
    expect(again.status).toBe(409);
    expect((await call(closeRoute.POST, { params: { id: "missing" }, token: admin.accessToken, body: { confirm: "x" } })).status).toBe(404);
  });

  test("a closed tenant cannot be reactivated, re-planned, re-trialled or re-limited (409 tenant_closed, nothing changes)", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { name: "Tienda Cerrada" });
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
    expect((await call(closeRoute.POST, { params: { id: store.id }, token: admin.accessToken, body: { confirm: "Tienda Cerrada" } })).status).toBe(200);
    const before = await prisma.store.findUniqueOrThrow({ where: { id: store.id }, include: { subscription: true } });
    for (const body of [{ suspended: false }, { plan: "pro" }, { trial_ends_at: new Date(Date.now() + 9 * 86400_000).toISOString() }, { limits: { comments: 5 } }]) {
      const res = await call(tenantRoute.PATCH, { params: { id: store.id }, token: admin.accessToken, body });
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.error.code).toBe("tenant_closed");
    }
    const after = await prisma.store.findUniqueOrThrow({ where: { id: store.id }, include: { subscription: true } });
    expect(after.suspendedAt).toEqual(before.suspendedAt);
    expect(after.subscription).toEqual(before.subscription);
  });
});
