import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import * as tenants from "@/app/api/admin/tenants/route";
import * as tenant from "@/app/api/admin/tenants/[id]/route";
import { sendOutbound } from "@/lib/messaging/send-message";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

describe("admin API", () => {
  test("only superadmins list tenants; a seller gets 404, as if the console did not exist", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    expect((await call(tenants.GET, { token: seller.accessToken })).status).toBe(404);
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
    const res = await call(tenants.GET, { path: `/api/admin/tenants?q=${store.id}`, token: admin.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ id: store.id, plan: "starter", status: "trialing", suspended: false, owner_email: seller.email });
  });

  test("suspending a tenant stops its bot at once and is audited", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
    expect((await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: seller.accessToken, body: { suspended: true } })).status).toBe(404);
    const res = await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { suspended: true } });
    expect(res.status).toBe(200);
    const sent = await sendOutbound({ storeId: store.id, idempotencyKey: "suspended-test", purpose: "ack", kind: "PUBLIC_REPLY", metaCommentId: "c1", text: "hola" });
    expect(sent).toMatchObject({ status: "SKIPPED", reason: "store suspended" });
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "tenant.suspended", actorId: admin.userId } })).toBe(1);
    expect((await call(tenant.PATCH, { method: "PATCH", params: { id: store.id }, token: admin.accessToken, body: { suspended: "yes" } })).status).toBe(422);
  });
});
