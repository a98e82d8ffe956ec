import { afterAll, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import * as settingsRoute from "@/app/api/admin/settings/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as tenantsRoute from "@/app/api/admin/tenants/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";

// Issue 16 §9: system settings — global defaults a superadmin sets, each one taking effect.

async function superadmin() {
  const admin = await signUp();
  await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
  return admin;
}
afterAll(async () => prisma.platformSetting.deleteMany());

let ip = 0;
const registerAs = (email: string) => call(register.POST, { path: "/api/v1/auth/register", body: { email, password: "correct horse 42", full_name: "Nueva" }, headers: { "x-forwarded-for": `10.9.${ip++}.1` } });

describe("system settings", () => {
  test("sellers get 404; bad input is 422 naming the field and changes nothing; a change is audited with before/after", async () => {
    const seller = await signUp();
    expect((await call(settingsRoute.GET, { token: seller.accessToken })).status).toBe(404);
    expect((await call(settingsRoute.PATCH, { method: "PATCH", token: seller.accessToken, body: { signups_open: false } })).status).toBe(404);
    const admin = await superadmin();
    const initial = await call(settingsRoute.GET, { token: admin.accessToken });
    expect(initial.body).toEqual({ signups_open: true, trial_days: 14, default_plan: "starter", maintenance_banner: null });
    for (const body of [{ trial_days: 400 }, { default_plan: "platinum" }, { signups_open: "yes" }]) {
      const res = await call(settingsRoute.PATCH, { method: "PATCH", token: admin.accessToken, body });
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body.error.details)).toContain(Object.keys(body)[0]);
    }
    expect((await call(settingsRoute.GET, { token: admin.accessToken })).body).toEqual(initial.body);
    const saved = await call(settingsRoute.PATCH, { method: "PATCH", token: admin.accessToken, body: { maintenance_banner: "Mantenimiento el domingo 02:00" } });
    expect(saved.body.maintenance_banner).toBe("Mantenimiento el domingo 02:00");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "platform.settings_changed", actorId: admin.userId } });
    expect(audit.data).toEqual({ before: { maintenance_banner: null }, after: { maintenance_banner: "Mantenimiento el domingo 02:00" } });
    expect((await call(settingsRoute.PATCH, { method: "PATCH", token: admin.accessToken, body: { maintenance_banner: null } })).body.maintenance_banner).toBeNull();
  });

  test("closed sign-ups refuse a stranger with 403 but admit an invited owner; trial length and default plan apply to new stores", async () => {
    const admin = await superadmin();
    const closed = await call(settingsRoute.PATCH, { method: "PATCH", token: admin.accessToken, body: { signups_open: false, trial_days: 3, default_plan: "pro" } });
    expect(closed.body).toMatchObject({ signups_open: false, trial_days: 3, default_plan: "pro" });
    const refused = await registerAs(uniqueEmail("closed"));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("signups_closed");

    const invited = uniqueEmail("invited");
    const tenant = await call(tenantsRoute.POST, { token: admin.accessToken, body: { name: "Invitada", owner_email: invited, plan: "starter", country: "CL", currency: "CLP", locale: "es" } });
    expect(tenant.status).toBe(201);
    expect(new Date(tenant.body.trial_ends_at).getTime() - Date.now()).toBeLessThan(3 * 24 * 3600_000 + 60_000);
    expect((await registerAs(invited)).status).toBe(201);

    await call(settingsRoute.PATCH, { method: "PATCH", token: admin.accessToken, body: { signups_open: true } });
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken);
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id }, include: { plan: true } });
    expect(sub.plan.code).toBe("pro");
    const days = (sub.trialEndsAt!.getTime() - Date.now()) / (24 * 3600_000);
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.01);
    await call(settingsRoute.PATCH, { method: "PATCH", token: admin.accessToken, body: { trial_days: 14, default_plan: "starter" } });
  });
});
