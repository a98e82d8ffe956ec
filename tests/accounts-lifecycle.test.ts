import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { jobs, runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import * as register from "@/app/api/v1/auth/register/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as stores from "@/app/api/v1/stores/route";
import * as verify from "@/app/api/v1/auth/email/verify/route";
import * as resend from "@/app/api/v1/auth/email/resend/route";
import * as changeEmail from "@/app/api/v1/auth/email/change/route";
import * as sessions from "@/app/api/v1/auth/sessions/route";
import * as sessionById from "@/app/api/v1/auth/sessions/[id]/route";
import * as revokeOthers from "@/app/api/v1/auth/sessions/revoke-others/route";
import * as account from "@/app/api/v1/auth/account/route";
import * as member from "@/app/api/v1/stores/[id]/members/[memberId]/route";
import { startDashboardSession } from "@/lib/auth/sessions/start-dashboard-session";
import { mfaRequirement } from "@/lib/auth/mfa/mfa-requirement";
import { retentionEvent } from "@/lib/privacy/retention/run-retention";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";
import { dashboardSessionFor } from "./helpers/session";
import { seedBuyer, seedStore } from "./helpers/seed";
import { reloadEnv } from "./helpers/env";
import { decodedText, startFakeSmtp } from "./fakes/smtp-server";

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const linkToken = (text: string) => /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
const same = { origin: "http://localhost:3000", host: "localhost:3000" };
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const DAY = 24 * 3600 * 1000;

function paidOrder({ storeId, buyerId, paidAt }: { storeId: string; buyerId?: string; paidAt: Date }) {
  return prisma.order.create({ data: { storeId, buyerId: buyerId ?? null, currency: "CLP", subtotalMinor: 5000, totalMinor: 5000, status: "PAID", paidAt, createdAt: paidAt, checkoutToken: `t${Math.random()}`, idempotencyKey: `k${Math.random()}`, expiresAt: new Date(paidAt.getTime() + DAY) } });
}

async function mails(to: string, template: string) {
  return prisma.email.findMany({ where: { to, template }, orderBy: { createdAt: "asc" } });
}

describe("email verification at sign-up", () => {
  it("sign-up emails a single-use link in the browser's language; opening it confirms the address; resending voids the earlier link", async () => {
    const email = uniqueEmail("verify");
    const reg = await call(register.POST, { body: { email, password: "correct horse 42", full_name: "Lía" }, headers: { "accept-language": "ar", "x-forwarded-for": "10.9.0.1" } });
    expect(reg.status).toBe(201);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.locale).toBe("ar");
    const [first] = await mails(email, "verify_email");
    expect(first).toMatchObject({ locale: "ar" });
    expect(first!.html).toContain('dir="rtl"');
    const firstToken = linkToken(first!.text)!;
    expect(firstToken).toBeTruthy();
    expect(JSON.stringify(await prisma.emailToken.findMany({ where: { userId: user.id } }))).not.toContain(firstToken);

    // The banner's "resend": a new link, the first one stops working.
    const tok = await call(token.POST, { body: { email, password: "correct horse 42" } });
    expect((await call(resend.POST, { method: "POST", token: tok.body.access_token })).status).toBe(202);
    const [, second] = await mails(email, "verify_email");
    const secondToken = linkToken(second!.text)!;
    const stale = await call(verify.POST, { body: { token: firstToken } });
    expect(stale.status).toBe(422);
    expect(stale.body.error.details[0]).toMatchObject({ field: "token", code: "invalid_token" });

    const ok = await call(verify.POST, { body: { token: secondToken } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ purpose: "verify_email", email, verified: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    // Single use.
    expect((await call(verify.POST, { body: { token: secondToken } })).status).toBe(422);
    // Nothing left to resend.
    const again = await call(resend.POST, { method: "POST", token: tok.body.access_token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_already_verified");
  });

  it("refuses an expired link and a malformed token without changing anything", async () => {
    const user = await signUp();
    const [mail] = await mails(user.email, "verify_email");
    await prisma.emailToken.updateMany({ where: { userId: user.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(verify.POST, { body: { token: linkToken(mail!.text)! } })).status).toBe(422);
    const bad = await call(verify.POST, { body: { token: "x" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("token");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).emailVerifiedAt).toBeNull();
  });
});

describe("change of email", () => {
  it("needs the password; a link goes to the new address; only opening it changes the sign-in email, and the old address is told", async () => {
    const user = await signUp();
    const other = await signUp();
    const newEmail = uniqueEmail("moved");
    const wrong = await call(changeEmail.POST, { token: user.accessToken, body: { new_email: newEmail, current_password: "not it at all" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: "current_password", code: "wrong_password" });
    const taken = await call(changeEmail.POST, { token: user.accessToken, body: { new_email: other.email, current_password: user.password } });
    expect(taken.status).toBe(409);
    const invalid = await call(changeEmail.POST, { token: user.accessToken, body: { new_email: "nope", current_password: user.password } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].field).toBe("new_email");
    expect(await prisma.emailToken.count({ where: { userId: user.userId, purpose: "change_email" } })).toBe(0);

    const asked = await call(changeEmail.POST, { token: user.accessToken, body: { new_email: newEmail.toUpperCase(), current_password: user.password } });
    expect(asked.status).toBe(202);
    // Nothing changed yet: the old email still signs in.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe(user.email);
    const [confirm] = await mails(newEmail, "email_change_confirm");
    expect(confirm).toBeTruthy();
    const secret = linkToken(confirm!.text)!;
    const done = await call(verify.POST, { body: { token: secret } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ purpose: "change_email", email: newEmail });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect((await call(verify.POST, { body: { token: secret } })).status).toBe(422);
    expect((await call(token.POST, { body: { email: user.email, password: user.password } })).status).toBe(401);
    expect((await call(token.POST, { body: { email: newEmail, password: user.password } })).status).toBe(200);
    const [notice] = await mails(user.email, "email_changed");
    expect(notice!.text).toContain(newEmail);
    // The sign-up verification link sent to the old address proves nothing any more.
    const [oldVerify] = await mails(user.email, "verify_email");
    expect((await call(verify.POST, { body: { token: linkToken(oldVerify!.text)! } })).status).toBe(422);
  });
});

describe("new-device sign-in notice", () => {
  it("emails the owner when a browser that never signed in to the account does; not on the first sign-in, not for a known browser", async () => {
    const email = uniqueEmail("device");
    await call(register.POST, { body: { email, password: "correct horse 42", full_name: "Ana" }, headers: { "x-forwarded-for": "10.9.1.1" } });
    const signIn = (ua: string) => call(token.POST, { body: { email, password: "correct horse 42" }, headers: { "user-agent": ua, "x-forwarded-for": "203.0.113.7" } });
    expect((await signIn(SAFARI_IPHONE)).status).toBe(200);
    expect(await mails(email, "new_sign_in")).toHaveLength(0);
    expect((await signIn(SAFARI_IPHONE)).status).toBe(200);
    expect(await mails(email, "new_sign_in")).toHaveLength(0);
    expect((await signIn(FIREFOX_WINDOWS)).status).toBe(200);
    const [notice] = await mails(email, "new_sign_in");
    expect(notice!.text).toContain("Firefox · Windows");
    expect(notice!.text).toContain("/dashboard/settings/security");
    // A dashboard sign-in from yet another browser notices too (same rule, one list of known browsers).
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const started = await startDashboardSession({ userId: user.id, userAgent: "Mozilla/5.0 (Linux; Android 15) Chrome/140.0 Mobile Safari/537.36", ip: "198.51.100.2" });
    expect(started.newDevice).toBe(true);
    expect(await mails(email, "new_sign_in")).toHaveLength(2);
    expect((await startDashboardSession({ userId: user.id, userAgent: FIREFOX_WINDOWS, ip: "198.51.100.2" })).newDevice).toBe(false);
    await run();
    expect((await mails(email, "new_sign_in")).every((m) => m.status === "SENT")).toBe(true);
  });
});

describe("sessions you can revoke", () => {
  it("lists the dashboard sessions with the current one marked; revoking one ends it at its next request; another user's session is 404", async () => {
    const user = await signUp();
    await createStoreFor(user.accessToken);
    const phone = await dashboardSessionFor({ id: user.userId, email: user.email }, { userAgent: SAFARI_IPHONE });
    const laptop = await dashboardSessionFor({ id: user.userId, email: user.email }, { userAgent: FIREFOX_WINDOWS });
    const listed = await call(sessions.GET, { headers: { cookie: laptop.cookie } });
    expect(listed.status).toBe(200);
    const byId = new Map((listed.body.items as { id: string; browser: string; os: string; current: boolean }[]).map((s) => [s.id, s]));
    expect(byId.get(laptop.sessionId)).toMatchObject({ browser: "Firefox", os: "Windows", current: true });
    expect(byId.get(phone.sessionId)).toMatchObject({ browser: "Safari", os: "iOS", current: false });

    const stranger = await signUp();
    const foreign = await call(sessionById.DELETE, { method: "DELETE", token: stranger.accessToken, params: { id: phone.sessionId } });
    expect(foreign.status).toBe(404);
    expect((await call(stores.GET, { headers: { cookie: phone.cookie } })).status).toBe(200);

    const revoked = await call(sessionById.DELETE, { method: "DELETE", headers: { cookie: laptop.cookie, ...same }, params: { id: phone.sessionId } });
    expect(revoked.status).toBe(200);
    // Effective at once, though the phone's cookie is still a validly signed JWT for 30 days.
    expect((await call(stores.GET, { headers: { cookie: phone.cookie } })).status).toBe(401);
    expect((await call(stores.GET, { headers: { cookie: laptop.cookie } })).status).toBe(200);
    const audit = await prisma.auditLog.findFirst({ where: { actorId: user.userId, action: "user.session_revoked" } });
    expect(audit?.data).toMatchObject({ session_id: phone.sessionId });
  });

  it("'sign out the other sessions' ends every other dashboard session and every API login, and keeps this one", async () => {
    const user = await signUp();
    const a = await dashboardSessionFor({ id: user.userId, email: user.email });
    const b = await dashboardSessionFor({ id: user.userId, email: user.email }, { userAgent: SAFARI_IPHONE });
    const res = await call(revokeOthers.POST, { method: "POST", headers: { cookie: a.cookie, ...same } });
    expect(res.status).toBe(200);
    expect(res.body.revoked).toBe(1);
    expect((await call(stores.GET, { headers: { cookie: b.cookie } })).status).toBe(401);
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(401);
    expect((await call(stores.GET, { headers: { cookie: a.cookie } })).status).toBe(200);
    const listed = await call(sessions.GET, { headers: { cookie: a.cookie } });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([a.sessionId]);
  });

  it("a session cookie without a server-side session (issued before sessions were rows, or forged with the secret) is refused", async () => {
    const { encode } = await import("next-auth/jwt");
    const { env } = await import("@/lib/env");
    const user = await signUp();
    const cookie = `next-auth.session-token=${await encode({ token: { uid: user.userId, authAt: Date.now(), email: user.email }, secret: env().AUTH_SECRET })}`;
    expect((await call(stores.GET, { headers: { cookie } })).status).toBe(401);
    // Another user's session id in my cookie does not work either.
    const other = await signUp();
    const theirs = await dashboardSessionFor({ id: other.userId, email: other.email });
    const mixed = `next-auth.session-token=${await encode({ token: { uid: user.userId, sid: theirs.sessionId, authAt: Date.now(), email: user.email }, secret: env().AUTH_SECRET })}`;
    expect((await call(stores.GET, { headers: { cookie: mixed } })).status).toBe(401);
  });
});

describe("MFA required", () => {
  afterAll(() => {
    delete process.env.MFA_OWNER_PAID_ORDERS_30D;
    delete process.env.MFA_OWNER_GRACE_DAYS;
    reloadEnv();
  });

  it("every superadmin must set it up; an owner past the sales threshold gets a grace period, then must; MFA on ends the requirement", async () => {
    const admin = await prisma.user.create({ data: { email: uniqueEmail("admin"), fullName: "Admin", platformRole: "SUPERADMIN" } });
    expect(await mfaRequirement({ user: { id: admin.id, platformRole: "SUPERADMIN", mfaEnabled: false } })).toEqual({ state: "required", reason: "superadmin" });
    expect(await mfaRequirement({ user: { id: admin.id, platformRole: "SUPERADMIN", mfaEnabled: true } })).toEqual({ state: "ok" });

    process.env.MFA_OWNER_PAID_ORDERS_30D = "3";
    process.env.MFA_OWNER_GRACE_DAYS = "14";
    reloadEnv();
    const { store, owner } = await seedStore();
    const asOwner = { id: owner.id, platformRole: "USER" as const, mfaEnabled: false };
    const paid = (paidAt: Date) => paidOrder({ storeId: store.id, paidAt });
    await paid(new Date());
    await paid(new Date());
    await paid(new Date(Date.now() - 40 * DAY)); // older than 30 days: does not count
    expect(await mfaRequirement({ user: asOwner })).toEqual({ state: "ok" });
    await paid(new Date());
    const now = new Date();
    const grace = await mfaRequirement({ user: asOwner, now });
    expect(grace).toEqual({ state: "grace", until: new Date(now.getTime() + 14 * DAY) });
    // The grace period runs from the first time the threshold was seen, not from each visit.
    expect(await mfaRequirement({ user: asOwner, now: new Date(now.getTime() + 10 * DAY) })).toEqual({ state: "grace", until: new Date(now.getTime() + 14 * DAY) });
    expect(await mfaRequirement({ user: asOwner, now: new Date(now.getTime() + 15 * DAY) })).toEqual({ state: "required", reason: "owner_volume" });
    expect(await mfaRequirement({ user: { ...asOwner, mfaEnabled: true }, now: new Date(now.getTime() + 15 * DAY) })).toEqual({ state: "ok" });
  });
});

describe("retention (the daily privacy job)", () => {
  it("the owner sets the store's comment retention period (7 to 3650 days); a bad value is 422 naming the field and changes nothing", async () => {
    const { PATCH, GET } = await import("@/app/api/v1/stores/[id]/route");
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    expect((await call(GET, { token: owner.accessToken, params: { id: store.id } })).body.comment_retention_days).toBe(90);
    const bad = await call(PATCH, { method: "PATCH", token: owner.accessToken, params: { id: store.id }, body: { comment_retention_days: 3 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("comment_retention_days");
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).commentRetentionDays).toBe(90);
    const ok = await call(PATCH, { method: "PATCH", token: owner.accessToken, params: { id: store.id }, body: { comment_retention_days: 30 } });
    expect(ok.status).toBe(200);
    expect(ok.body.comment_retention_days).toBe(30);
  });

  it("empties old comment texts without buying intent, anonymises dormant buyers, purges spent tokens, old mail and payloads; a second run changes nothing; reported; tomorrow queued", async () => {
    const { store, live, pageId } = await seedStore();
    await prisma.store.update({ where: { id: store.id }, data: { commentRetentionDays: 30 } });
    const comment = (text: string, intent: "BUY" | "GREETING" | null, ageDays: number) =>
      prisma.comment.create({ data: { storeId: store.id, liveId: live.id, metaCommentId: `m${Math.random()}`, postId: live.fbPostId!, authorId: "a1", text, intent, createdTime: new Date(Date.now() - ageDays * DAY), receivedAt: new Date(Date.now() - ageDays * DAY) } });
    const oldHello = await comment("hola linda, saludos desde Talca", "GREETING", 31);
    const oldBuy = await comment("quiero A12", "BUY", 31);
    const oldUnknown = await comment("qué lindo", null, 45);
    const recentHello = await comment("hola!", "GREETING", 29);
    const decision = await prisma.aiDecision.create({ data: { storeId: store.id, commentId: oldHello.id, text: "hola linda, saludos desde Talca", engine: "rules", intent: "GREETING", confidence: 0.9, reason: "greeting", latencyMs: 1, createdAt: new Date(Date.now() - 31 * DAY) } });

    const dormant = await seedBuyer(store.id, pageId, "Dormida");
    await prisma.buyer.update({ where: { id: dormant.id }, data: { createdAt: new Date(Date.now() - 600 * DAY), psid: "psid-dormant" } });
    const dormantOrder = await paidOrder({ storeId: store.id, buyerId: dormant.id, paidAt: new Date(Date.now() - 560 * DAY) });
    const active = await seedBuyer(store.id, pageId, "Activa");
    await prisma.buyer.update({ where: { id: active.id }, data: { createdAt: new Date(Date.now() - 600 * DAY) } });
    await paidOrder({ storeId: store.id, buyerId: active.id, paidAt: new Date() });

    const user = await signUp();
    const oldReset = await prisma.passwordResetToken.create({ data: { userId: user.userId, tokenHash: `h${Math.random()}`, expiresAt: new Date(Date.now() - 2 * DAY) } });
    const liveReset = await prisma.passwordResetToken.create({ data: { userId: user.userId, tokenHash: `h${Math.random()}`, expiresAt: new Date(Date.now() + DAY) } });
    const oldMail = await prisma.email.create({ data: { to: "old@example.com", template: "password_reset", locale: "es", subject: "s", html: "h", text: "t", status: "SENT", createdAt: new Date(Date.now() - 40 * DAY) } });
    const pendingOld = await prisma.email.create({ data: { to: "pending@example.com", template: "password_reset", locale: "es", subject: "s", html: "h", text: "t", status: "PENDING", createdAt: new Date(Date.now() - 40 * DAY) } });
    const endedSession = await prisma.userSession.create({ data: { userId: user.userId, revokedAt: new Date(Date.now() - 31 * DAY) } });
    const hook = await prisma.webhookEvent.create({ data: { source: "sandbox", externalId: `e${Math.random()}`, storeId: store.id, type: "payment.succeeded", payload: { payer: { email: "carla@example.com" } }, receivedAt: new Date(Date.now() - 100 * DAY), processedAt: new Date(Date.now() - 100 * DAY) } });

    // Job rows: finished 40 days ago (gone, its memoised step too), finished 30 days ago (kept: it still
    // deduplicates its event id), failed 40 and 110 days ago (kept 3 × 35 days), queued 40 days ago (never).
    const jobRow = async (status: "COMPLETED" | "FAILED" | "QUEUED", ageDays: number) => {
      const id = `retention-job-${status}-${ageDays}-${Math.random().toString(36).slice(2)}`;
      const at = new Date(Date.now() - ageDays * DAY);
      await prisma.$executeRaw`INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, status, "runAt", "createdAt", "updatedAt")
        VALUES (${id}, 'retention-probe', 'retention/probe', ${id}, '{}'::jsonb, ${status}::"JobStatus", ${at}, ${at}, ${at})`;
      return id;
    };
    const oldDone = await jobRow("COMPLETED", 40);
    await prisma.jobStep.create({ data: { jobId: oldDone, stepId: "s1", output: { data: 1 } } });
    const recentDone = await jobRow("COMPLETED", 30);
    const failed40 = await jobRow("FAILED", 40);
    const failed110 = await jobRow("FAILED", 110);
    const queuedOld = await jobRow("QUEUED", 40);

    // Yesterday's run: due whatever the time of day (today's is scheduled for 03:00 UTC, still ahead before then).
    const day = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    await jobs.send(retentionEvent(day));
    await jobs.send(retentionEvent(day)); // the same day twice: one run
    await run();

    const text = async (id: string) => (await prisma.comment.findUniqueOrThrow({ where: { id } })).text;
    expect(await text(oldHello.id)).toBe("");
    expect(await text(oldUnknown.id)).toBe("");
    expect(await text(oldBuy.id)).toBe("quiero A12");
    expect(await text(recentHello.id)).toBe("hola!");
    expect((await prisma.aiDecision.findUniqueOrThrow({ where: { id: decision.id } })).text).toBe("");
    const erased = await prisma.buyer.findUniqueOrThrow({ where: { id: dormant.id } });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.name).not.toBe("Dormida");
    expect(erased.psid).toBeNull();
    expect((await prisma.order.findUniqueOrThrow({ where: { id: dormantOrder.id } })).totalMinor).toBe(5000);
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: active.id } })).erasedAt).toBeNull();
    expect(await prisma.passwordResetToken.findUnique({ where: { id: oldReset.id } })).toBeNull();
    expect(await prisma.passwordResetToken.findUnique({ where: { id: liveReset.id } })).not.toBeNull();
    expect(await prisma.email.findUnique({ where: { id: oldMail.id } })).toBeNull();
    expect(await prisma.email.findUnique({ where: { id: pendingOld.id } })).not.toBeNull();
    expect(await prisma.userSession.findUnique({ where: { id: endedSession.id } })).toBeNull();
    const h = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: hook.id } });
    expect(h.payload).toEqual({});

    const jobIds = new Set((await prisma.job.findMany({ where: { functionId: "retention-probe" }, select: { id: true } })).map((j) => j.id));
    expect([oldDone, recentDone, failed40, failed110, queuedOld].map((id) => jobIds.has(id))).toEqual([false, true, true, false, true]);
    expect(await prisma.jobStep.count({ where: { jobId: oldDone } })).toBe(0);
    await prisma.job.delete({ where: { id: queuedOld } });

    const reports = await prisma.auditLog.findMany({ where: { action: "privacy.retention_ran", entityId: day } });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.data).toMatchObject({ finished_jobs: expect.any(Number), failed_jobs: 1 });
    expect((reports[0]!.data as { finished_jobs: number }).finished_jobs).toBeGreaterThanOrEqual(1);
    expect((reports[0]!.data as { comments_per_store: Record<string, number> }).comments_per_store[store.id]).toBe(2);
    const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    expect(await prisma.job.count({ where: { eventId: `retention:${tomorrow}` } })).toBe(1);

    // Idempotent: the same work again (as a replayed step would) finds nothing to do.
    const { purgeCommentTexts } = await import("@/lib/privacy/retention/purge-comment-texts");
    const { anonymiseDormantBuyers } = await import("@/lib/privacy/retention/anonymise-dormant-buyers");
    const again = await purgeCommentTexts();
    expect(again.per_store[store.id]).toBeUndefined();
    const erasedAt = erased.erasedAt;
    await anonymiseDormantBuyers({ months: 18 });
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: dormant.id } })).erasedAt).toEqual(erasedAt);
  });
});

describe("delete my account", () => {
  it("a store's only owner must hand it over first; then the account and its records are gone and a last notice is sent", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { name: "Tienda Única" });
    const wrong = await call(account.DELETE, { method: "DELETE", token: owner.accessToken, body: { password: "not my password" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: "password", code: "wrong_password" });
    const sole = await call(account.DELETE, { method: "DELETE", token: owner.accessToken, body: { password: owner.password } });
    expect(sole.status).toBe(409);
    expect(sole.body.error.code).toBe("sole_owner");
    expect(sole.body.error.details[0]).toMatchObject({ store_id: store.id, store_name: "Tienda Única" });
    expect(await prisma.user.count({ where: { id: owner.userId } })).toBe(1);

    // Hand the store over: another member becomes owner.
    const partner = await signUp();
    const membership = await prisma.membership.create({ data: { userId: partner.userId, storeId: store.id, role: "STAFF" } });
    const promoted = await call(member.PATCH, { method: "PATCH", token: owner.accessToken, params: { id: store.id, memberId: membership.id }, body: { role: "OWNER" } });
    expect(promoted.status).toBe(200);

    const gone = await call(account.DELETE, { method: "DELETE", token: owner.accessToken, body: { password: owner.password } });
    expect(gone.status).toBe(200);
    expect(await prisma.user.count({ where: { id: owner.userId } })).toBe(0);
    expect(await prisma.membership.count({ where: { userId: owner.userId } })).toBe(0);
    expect(await prisma.email.count({ where: { to: owner.email, template: { not: "account_deleted" } } })).toBe(0);
    expect(await prisma.email.count({ where: { to: owner.email, template: "account_deleted" } })).toBe(1);
    expect((await call(stores.GET, { token: owner.accessToken })).status).toBe(401);
    expect((await call(token.POST, { body: { email: owner.email, password: owner.password } })).status).toBe(401);
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "member.account_deleted", actorId: owner.userId } })).toBe(1);
  });
});

describe("lifecycle emails through SMTP_URL", () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    reloadEnv();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    reloadEnv();
    await smtp.close();
  });

  it("the verification and new-device emails reach a real SMTP server", async () => {
    const user = await signUp();
    await call(token.POST, { body: { email: user.email, password: user.password }, headers: { "user-agent": FIREFOX_WINDOWS } });
    await run();
    const got = smtp.received.filter((m) => m.to.includes(user.email)).map((m) => decodedText(m.raw));
    expect(got.some((t) => /\/verify-email\?token=/.test(t))).toBe(true);
    expect(got.some((t) => t.includes("Firefox"))).toBe(true);
  });
});
