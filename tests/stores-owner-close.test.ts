import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as closeRoute from "@/app/api/v1/stores/[id]/close/route";
import * as account from "@/app/api/v1/auth/account/route";
import * as store from "@/app/api/v1/stores/[id]/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";
import { seedBuyer } from "./helpers/seed";

const close = (accessToken: string, id: string, body: unknown) => call(closeRoute.POST, { method: "POST", path: `/api/v1/stores/${id}/close`, token: accessToken, params: { id }, body });

describe("the owner closes her own store (issue 15)", () => {
  it("typing the exact name closes it like the operator's close; then a sole owner can delete her account", async () => {
    const owner = await signUp();
    const created = await createStoreFor(owner.accessToken, { name: "Tienda Única" });
    const buyer = await seedBuyer(created.id, created.fb_page_id, "Carla Compradora");

    // A wrong name: 422 naming `confirm`, nothing changes.
    const wrong = await close(owner.accessToken, created.id, { confirm: "tienda unica" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: "confirm", code: "mismatch" });
    expect(await prisma.store.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ closedAt: null, suspendedAt: null });

    // A staff member: 403; a stranger: 404.
    const staff = await signUp();
    await prisma.membership.create({ data: { userId: staff.userId, storeId: created.id, role: "STAFF" } });
    const byStaff = await close(staff.accessToken, created.id, { confirm: "Tienda Única" });
    expect(byStaff.status).toBe(403);
    const stranger = await signUp();
    await createStoreFor(stranger.accessToken);
    expect((await close(stranger.accessToken, created.id, { confirm: "Tienda Única" })).status).toBe(404);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: created.id } })).closedAt).toBeNull();

    // Before closing, the sole owner cannot delete her account.
    const sole = await call(account.DELETE, { method: "DELETE", token: owner.accessToken, body: { password: owner.password } });
    expect(sole.status).toBe(409);

    const closed = await close(owner.accessToken, created.id, { confirm: "Tienda Única" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: created.id, buyers_erased: 1 });
    const after = await prisma.store.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.closedAt).not.toBeNull();
    expect(after).toMatchObject({ suspendedReason: "This store was closed by its owner.", fbPageId: null });
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).erasedAt).not.toBeNull();
    expect(await prisma.auditLog.findFirstOrThrow({ where: { storeId: created.id, action: "tenant.closed" } })).toMatchObject({ actorId: owner.userId, data: expect.objectContaining({ by: "owner" }) });
    // Closing again: 409.
    expect((await close(owner.accessToken, created.id, { confirm: "Tienda Única" })).status).toBe(409);

    // The store reads as closed and the owner may now leave for good.
    expect((await call(store.GET, { path: `/api/v1/stores/${created.id}`, token: owner.accessToken, params: { id: created.id } })).status).toBe(200);
    const gone = await call(account.DELETE, { method: "DELETE", token: owner.accessToken, body: { password: owner.password } });
    expect(gone.status).toBe(200);
    expect(await prisma.user.count({ where: { id: owner.userId } })).toBe(0);
  });
});
