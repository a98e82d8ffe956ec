import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import * as metaRoute from "@/app/api/v1/stores/[id]/meta/route";
import * as membersRoute from "@/app/api/v1/stores/[id]/members/route";
import * as memberRoute from "@/app/api/v1/stores/[id]/members/[memberId]/route";
import * as invitationRoute from "@/app/api/v1/stores/[id]/members/invitations/[invitationId]/route";
import * as acceptRoute from "@/app/api/v1/stores/[id]/members/accept/route";
import * as livesRoute from "@/app/api/v1/lives/route";
import * as botRoute from "@/app/api/v1/lives/[id]/bot/route";
import * as productsRoute from "@/app/api/v1/inventory/products/route";
import * as productRoute from "@/app/api/v1/inventory/products/[id]/route";
import * as paymentsRoute from "@/app/api/v1/stores/[id]/payments/route";
import * as providerRoute from "@/app/api/v1/stores/[id]/payments/[provider]/route";
import * as ordersRoute from "@/app/api/v1/orders/route";
import * as createOrderRoute from "@/app/api/v1/orders/create/route";
import * as cancelRoute from "@/app/api/v1/orders/[id]/cancel/route";
import * as refundRoute from "@/app/api/v1/orders/[id]/refund/route";
import * as planRoute from "@/app/api/v1/stores/[id]/plan/route";
import { invitationPreview } from "@/lib/team/invitation-preview";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";


/** The token of an invitation link (`/invite/<token>`). */
const tokenOf = (inviteUrl: string) => decodeURIComponent(new URL(inviteUrl).pathname.split("/").pop()!);

async function ownerWithStaff() {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken);
  const staff = await signUp({ email: uniqueEmail("staff") });
  const invite = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: staff.email } });
  expect(invite.status).toBe(201);
  const token = tokenOf(invite.body.invite_url);
  const joined = await call(acceptRoute.POST, { params: { id: store.id }, token: staff.accessToken, body: { token } });
  expect(joined.status).toBe(200);
  expect(joined.body).toMatchObject({ store_id: store.id, role: "STAFF" });
  return { owner, store, staff, token, invite: invite.body };
}

describe("team: inviting STAFF", () => {
  test("an owner invites by email; the link's token joins the invitee as STAFF once; the database keeps only its hash", async () => {
    const { store, staff, token, owner, invite } = await ownerWithStaff();
    expect(invite).toMatchObject({ email: staff.email.toLowerCase(), role: "STAFF" });
    // A page to open, not an API address.
    expect(new URL(invite.invite_url).pathname).toBe(`/invite/${token}`);
    const row = await prisma.invitation.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.acceptedAt).toBeInstanceOf(Date);

    const replay = await call(acceptRoute.POST, { params: { id: store.id }, token: (await signUp()).accessToken, body: { token } });
    expect(replay.status).toBe(404);

    const asOwner = await call(membersRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(asOwner.body.members.map((m: { role: string }) => m.role)).toEqual(["OWNER", "STAFF"]);
    const again = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: staff.email } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_member");
  });

  test("links shared before invitations were pages open the invitation page; joining needs the token and the right store", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const invite = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail("later") } });
    const token = tokenOf(invite.body.invite_url);
    const old = await call(acceptRoute.GET, { path: `/api/v1/stores/${store.id}/members/accept?token=${token}`, params: { id: store.id } });
    expect(old.status).toBe(303);
    expect(new URL(old.headers.get("location")!).pathname).toBe(`/invite/${token}`);

    const invitee = await signUp();
    const missing = await call(acceptRoute.POST, { params: { id: store.id }, token: invitee.accessToken, body: {} });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body.error.details)).toContain("token");
    const wrongStore = await createStoreFor(owner.accessToken);
    expect((await call(acceptRoute.POST, { params: { id: wrongStore.id }, token: invitee.accessToken, body: { token } })).status).toBe(404);
    expect(await prisma.membership.count({ where: { storeId: store.id } })).toBe(1);

    const joined = await call(acceptRoute.POST, { params: { id: store.id }, token: invitee.accessToken, body: { token } });
    expect(joined.status).toBe(200);
    expect(joined.headers.get("set-cookie")).toContain("lss_store=");
  });

  test("the invitation preview names the store, the role and who invited; a used link has none", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const invite = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail("preview") } });
    const token = tokenOf(invite.body.invite_url);
    const ownerRow = await prisma.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(await invitationPreview({ token })).toMatchObject({ storeId: store.id, storeName: "Tienda Ana", role: "STAFF", inviterName: ownerRow.fullName });
    await call(acceptRoute.POST, { params: { id: store.id }, token: (await signUp()).accessToken, body: { token } });
    expect(await invitationPreview({ token })).toBeNull();
    expect(await invitationPreview({ token: "short" })).toBeNull();
  });

  test("a revoked or expired invitation cannot be used", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const revoked = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail("r") } });
    expect((await call(invitationRoute.DELETE, { method: "DELETE", params: { id: store.id, invitationId: revoked.body.id }, token: owner.accessToken })).status).toBe(204);
    const user = await signUp();
    expect((await call(acceptRoute.POST, { params: { id: store.id }, token: user.accessToken, body: { token: tokenOf(revoked.body.invite_url) } })).status).toBe(404);

    const expired = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail("e") } });
    await prisma.invitation.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(acceptRoute.POST, { params: { id: store.id }, token: user.accessToken, body: { token: tokenOf(expired.body.invite_url) } })).status).toBe(404);
    expect(await prisma.membership.count({ where: { storeId: store.id } })).toBe(1);
  });

  test("the plan's staff limit is enforced when inviting", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    // Starter allows 2 staff besides the owner.
    for (let i = 0; i < 2; i++) {
      const inv = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail(`s${i}`) } });
      const u = await signUp();
      await call(acceptRoute.POST, { params: { id: store.id }, token: u.accessToken, body: { token: tokenOf(inv.body.invite_url) } });
    }
    const over = await call(membersRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { email: uniqueEmail("s3") } });
    expect(over.status).toBe(402);
    expect(over.body.error.code).toBe("plan_limit_reached");
  });

  test("the only owner cannot leave the store: 409 last_owner saying what to do, and the membership stays", async () => {
    const { owner, store } = await ownerWithStaff();
    const list = await call(membersRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    const mine = list.body.members.find((m: { is_you: boolean }) => m.is_you);
    const leave = await call(memberRoute.DELETE, { method: "DELETE", params: { id: store.id, memberId: mine.id }, token: owner.accessToken });
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe("last_owner");
    expect(leave.body.error.message).toMatch(/only owner.*make someone else owner/i);
    expect(await prisma.membership.findUnique({ where: { id: mine.id } })).not.toBeNull();
  });

  test("a store always keeps one owner", async () => {
    const { owner, store, staff } = await ownerWithStaff();
    const list = await call(membersRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    const mine = list.body.members.find((m: { is_you: boolean }) => m.is_you);
    const theirs = list.body.members.find((m: { is_you: boolean }) => !m.is_you);
    const demote = await call(memberRoute.PATCH, { method: "PATCH", params: { id: store.id, memberId: mine.id }, token: owner.accessToken, body: { role: "STAFF" } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe("last_owner");
    expect((await call(memberRoute.PATCH, { method: "PATCH", params: { id: store.id, memberId: theirs.id }, token: owner.accessToken, body: { role: "OWNER" } })).status).toBe(200);
    expect((await call(memberRoute.PATCH, { method: "PATCH", params: { id: store.id, memberId: mine.id }, token: owner.accessToken, body: { role: "STAFF" } })).status).toBe(200);
    const left = await call(memberRoute.DELETE, { method: "DELETE", params: { id: store.id, memberId: mine.id }, token: owner.accessToken });
    expect(left.status).toBe(204);
    expect((await call(storeRoute.GET, { params: { id: store.id }, token: staff.accessToken })).body.role).toBe("OWNER");
  });
});

describe("what STAFF may and may not do", () => {
  test("STAFF operates lives and stock but cannot change the store, its Meta connection, its team or roles", async () => {
    const { owner, store, staff } = await ownerWithStaff();
    const as = (t: string) => ({ token: t });

    // Operate: see the store, start a live, flip the kill switch, adjust stock.
    const seen = await call(storeRoute.GET, { params: { id: store.id }, ...as(staff.accessToken) });
    expect(seen.body.role).toBe("STAFF");
    const live = await call(livesRoute.POST, { ...as(staff.accessToken), body: { store_id: store.id, fb_video_id: "v123", title: "Live de staff" } });
    expect(live.status).toBe(201);
    expect((await call(botRoute.POST, { params: { id: live.body.id }, ...as(staff.accessToken), body: { enabled: false } })).body.bot_enabled).toBe(false);
    const product = await call(productsRoute.POST, { ...as(owner.accessToken), body: { store_id: store.id, sku: "A1", name: "Polera", price: 1000, stock: 3 } });
    const adjusted = await call(productRoute.PATCH, { method: "PATCH", params: { id: product.body.id }, ...as(staff.accessToken), body: { stock_delta: 2 } });
    expect(adjusted.body.stock).toBe(5);

    // Refused: profile and messaging settings, the Page token, inviting, promoting themselves, removing the owner.
    const before = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    const patch = await call(storeRoute.PATCH, { method: "PATCH", params: { id: store.id }, ...as(staff.accessToken), body: { name: "Hijacked", reservation_ttl_seconds: 60 } });
    expect(patch.status).toBe(403);
    const meta = await call(metaRoute.PUT, { method: "PUT", params: { id: store.id }, ...as(staff.accessToken), body: { page_access_token: "EAAB".padEnd(40, "x") } });
    expect(meta.status).toBe(403);
    const invite = await call(membersRoute.POST, { params: { id: store.id }, ...as(staff.accessToken), body: { email: uniqueEmail("friend") } });
    expect(invite.status).toBe(403);
    const members = await call(membersRoute.GET, { params: { id: store.id }, ...as(staff.accessToken) });
    expect(members.body.invitations).toEqual([]);
    const me = members.body.members.find((m: { is_you: boolean }) => m.is_you);
    const ownerRow = members.body.members.find((m: { role: string }) => m.role === "OWNER");
    expect((await call(memberRoute.PATCH, { method: "PATCH", params: { id: store.id, memberId: me.id }, ...as(staff.accessToken), body: { role: "OWNER" } })).status).toBe(403);
    expect((await call(memberRoute.DELETE, { method: "DELETE", params: { id: store.id, memberId: ownerRow.id }, ...as(staff.accessToken) })).status).toBe(403);

    const after = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(after.name).toBe(before.name);
    expect(after.reservationTtlSeconds).toBe(before.reservationTtlSeconds);
    expect(await prisma.metaConnection.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.membership.findMany({ where: { storeId: store.id }, select: { role: true }, orderBy: { role: "asc" } })).toEqual([{ role: "OWNER" }, { role: "STAFF" }]);

    // Payments: staff never see credentials and cannot change them or move money, but they operate orders.
    const secret = "TEST-0000-secret-value-9876";
    const saved = await call(providerRoute.PUT, { method: "PUT", params: { id: store.id, provider: "mercadopago" }, ...as(owner.accessToken), body: { enabled: true, credentials: { accessToken: secret, webhookSecret: "whsec-0123456789abcdef" } } });
    expect(saved.status).toBe(200);
    for (const res of [
      await call(paymentsRoute.GET, { params: { id: store.id }, ...as(staff.accessToken) }),
      await call(providerRoute.GET, { params: { id: store.id, provider: "mercadopago" }, ...as(staff.accessToken) }),
      await call(providerRoute.PUT, { method: "PUT", params: { id: store.id, provider: "sandbox" }, ...as(staff.accessToken), body: { enabled: false } }),
    ]) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    const order = await call(createOrderRoute.POST, { ...as(staff.accessToken), body: { store_id: store.id, customer_fb_id: "fb_staff_1", items: [{ sku: "A1", qty: 1 }] } });
    expect(order.status).toBe(201);
    const listed = await call(ordersRoute.GET, { path: `/api/v1/orders?store_id=${store.id}`, ...as(staff.accessToken) });
    expect(listed.body.map((o: { id: string }) => o.id)).toContain(order.body.order_id);
    const refund = await call(refundRoute.POST, { params: { id: order.body.order_id }, ...as(staff.accessToken), body: {} });
    expect(refund.status).toBe(403);
    expect((await call(cancelRoute.POST, { params: { id: order.body.order_id }, ...as(staff.accessToken), body: {} })).status).toBe(200);

    // The plan: staff can see it but only the owner changes it.
    expect((await call(planRoute.GET, { params: { id: store.id }, ...as(staff.accessToken) })).body.plan).toBe("starter");
    const staffPlan = await call(planRoute.PUT, { method: "PUT", params: { id: store.id }, ...as(staff.accessToken), body: { plan: "business" } });
    expect(staffPlan.status).toBe(403);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id }, include: { plan: true } })).plan.code).toBe("starter");
    const ownerPlan = await call(planRoute.PUT, { method: "PUT", params: { id: store.id }, ...as(owner.accessToken), body: { plan: "pro" } });
    expect(ownerPlan.body).toMatchObject({ plan: "pro" });
    expect((await call(planRoute.PUT, { method: "PUT", params: { id: store.id }, ...as(owner.accessToken), body: { plan: "gold" } })).status).toBe(422);

    // Staff may leave on their own.
    expect((await call(memberRoute.DELETE, { method: "DELETE", params: { id: store.id, memberId: me.id }, ...as(staff.accessToken) })).status).toBe(204);
  });
});
