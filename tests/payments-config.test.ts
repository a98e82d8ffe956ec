import { describe, expect, test } from "vitest";
import * as list from "@/app/api/v1/stores/[id]/payments/route";
import * as one from "@/app/api/v1/stores/[id]/payments/[provider]/route";
import { prisma } from "@/lib/db";
import { decryptJson } from "@/lib/security/encryption";
import { listCheckoutMethods } from "@/lib/payments/checkout-methods";
import { testRuntime } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

const MP = { accessToken: "APP_USR-1234567890-secret-token-abcd", webhookSecret: "whsec-very-secret-9876" };

async function ownerWithStore() {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken, {}, { sandbox: false });
  return { owner, store };
}

async function staffOf(storeId: string) {
  const staff = await signUp({ fullName: "Staff" });
  await prisma.membership.create({ data: { userId: staff.userId, storeId, role: "STAFF" } });
  return staff;
}

const put = (token: string, storeId: string, provider: string, body: unknown) =>
  call(one.PUT, { method: "PUT", path: `/api/v1/stores/${storeId}/payments/${provider}`, params: { id: storeId, provider }, token, body });

describe("payment settings API", () => {
  test("an OWNER saves Mercado Pago credentials: validated, stored encrypted, returned masked", async () => {
    const { owner, store } = await ownerWithStore();
    const res = await put(owner.accessToken, store.id, "mercadopago", { enabled: true, credentials: MP });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ provider: "mercadopago", enabled: true, configured: true, credentials: { accessToken: "••••abcd", webhookSecret: "••••9876" } });
    expect(res.body.notify_url).toBe(`http://localhost:3000/api/webhooks/payments/mercadopago?store=${store.id}`);
    expect(JSON.stringify(res.body)).not.toContain(MP.accessToken);

    const row = await prisma.paymentConfig.findUniqueOrThrow({ where: { storeId_provider: { storeId: store.id, provider: "mercadopago" } } });
    expect(row.settingsCiphertext).toMatch(/^v1:/);
    expect(row.settingsCiphertext).not.toContain("APP_USR");
    expect(decryptJson(row.settingsCiphertext)).toEqual(MP);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { storeId: store.id, action: "payment_config.updated" } });
    expect(audit).toMatchObject({ actorId: owner.userId, data: { provider: "mercadopago", changedFields: ["accessToken", "webhookSecret"] } });
    expect(JSON.stringify(audit.data)).not.toContain("secret-token");
  });

  test("an empty secret keeps the saved one; the enabled flag can be switched alone", async () => {
    const { owner, store } = await ownerWithStore();
    await put(owner.accessToken, store.id, "mercadopago", { credentials: MP });
    const res = await put(owner.accessToken, store.id, "mercadopago", { enabled: false, credentials: { accessToken: "", webhookSecret: "rotated-secret-0000" } });
    expect(res.status).toBe(200);
    expect(res.body.enabled).toBe(false);
    const row = await prisma.paymentConfig.findUniqueOrThrow({ where: { storeId_provider: { storeId: store.id, provider: "mercadopago" } } });
    expect(decryptJson(row.settingsCiphertext)).toEqual({ accessToken: MP.accessToken, webhookSecret: "rotated-secret-0000" });
  });

  test("incomplete or unknown settings answer 422 naming the field and store nothing", async () => {
    const { owner, store } = await ownerWithStore();
    const missing = await put(owner.accessToken, store.id, "flow", { credentials: { apiKey: "k" } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toContainEqual(expect.objectContaining({ field: "credentials.secretKey" }));
    const unknown = await put(owner.accessToken, store.id, "paypal", { credentials: { password: "x" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain("password");
    const badEmail = await put(owner.accessToken, store.id, "transfer", { credentials: { bankName: "Banco", accountHolder: "Ana", accountNumber: "123", accountType: "Corriente", email: "not-an-email" } });
    expect(badEmail.status).toBe(422);
    expect(await prisma.paymentConfig.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("the list shows every provider; test payments are off until the owner enables them, the others unconfigured", async () => {
    const { owner, store } = await ownerWithStore();
    const res = await call(list.GET, { path: `/api/v1/stores/${store.id}/payments`, params: { id: store.id }, token: owner.accessToken });
    expect(res.status).toBe(200);
    const byProvider = Object.fromEntries(res.body.map((c: { provider: string }) => [c.provider, c]));
    expect(Object.keys(byProvider).sort()).toEqual(["flow", "mercadopago", "paypal", "sandbox", "transfer"]);
    expect(byProvider.sandbox).toMatchObject({ enabled: false, configured: true });
    expect(byProvider.paypal).toMatchObject({ enabled: false, configured: false, credentials: { clientId: null } });
  });

  test("bank-transfer details are public to buyers, so the owner sees them in full", async () => {
    const { owner, store } = await ownerWithStore();
    const details = { bankName: "Banco Estado", accountHolder: "Ana Pérez", accountNumber: "12345678", accountType: "Cuenta RUT", taxId: "12.345.678-9" };
    const res = await put(owner.accessToken, store.id, "transfer", { credentials: details });
    // The account type is a choice now: the free text of older API clients is saved as the matching one.
    expect(res.body.credentials).toMatchObject({ ...details, accountType: "vista" });
  });

  test("STAFF can neither read nor change payment credentials (403), and nothing changes", async () => {
    const { owner, store } = await ownerWithStore();
    await put(owner.accessToken, store.id, "mercadopago", { credentials: MP });
    const staff = await staffOf(store.id);
    const read = await call(one.GET, { path: `/api/v1/stores/${store.id}/payments/mercadopago`, params: { id: store.id, provider: "mercadopago" }, token: staff.accessToken });
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain("abcd");
    expect((await call(list.GET, { path: `/api/v1/stores/${store.id}/payments`, params: { id: store.id }, token: staff.accessToken })).status).toBe(403);
    const write = await put(staff.accessToken, store.id, "mercadopago", { credentials: { accessToken: "STAFF-TOKEN-1234567" } });
    expect(write.status).toBe(403);
    const row = await prisma.paymentConfig.findUniqueOrThrow({ where: { storeId_provider: { storeId: store.id, provider: "mercadopago" } } });
    expect(decryptJson(row.settingsCiphertext)).toEqual(MP);
  });

  test("another tenant's store answers 404; an unknown provider 404", async () => {
    const { store } = await ownerWithStore();
    const stranger = await signUp();
    const res = await put(stranger.accessToken, store.id, "mercadopago", { credentials: MP });
    expect(res.status).toBe(404);
    const { owner, store: mine } = await ownerWithStore();
    expect((await call(one.GET, { path: `/api/v1/stores/${mine.id}/payments/stripe`, params: { id: mine.id, provider: "stripe" }, token: owner.accessToken })).status).toBe(404);
    expect(await prisma.paymentConfig.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("offer at checkout cannot be switched on for a provider that is not configured: 422 naming `enabled` and each missing setting, nothing stored", async () => {
    const { owner, store } = await ownerWithStore();
    const res = await put(owner.accessToken, store.id, "paypal", { enabled: true, credentials: { clientId: "abc", clientSecret: "", webhookId: "" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { field: "enabled", code: "not_configured", message: expect.any(String) },
        { field: "credentials.clientSecret", code: "required", message: "is required" },
        { field: "credentials.webhookId", code: "required", message: "is required" },
      ]),
    );
    // Seller-readable: stable codes for the dashboard to translate, never zod's wording or schema paths.
    expect(JSON.stringify(res.body)).not.toMatch(/Invalid input|expected string|received undefined/);
    expect(await prisma.paymentConfig.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("switched off, a half-filled setup is kept as a draft: not configured, not offered to buyers, and it cannot be switched on alone", async () => {
    const { owner, store } = await ownerWithStore();
    const draft = await put(owner.accessToken, store.id, "transfer", { enabled: false, credentials: { bankName: "Banco Estado", accountHolder: "Ana" } });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ enabled: false, configured: false, credentials: { bankName: "Banco Estado", accountNumber: null } });
    const on = await put(owner.accessToken, store.id, "transfer", { enabled: true });
    expect(on.status).toBe(422);
    expect(on.body.error.details).toContainEqual(expect.objectContaining({ field: "enabled", code: "not_configured" }));
    expect(on.body.error.details).toContainEqual(expect.objectContaining({ field: "credentials.accountNumber", code: "required" }));
    const { methods } = await listCheckoutMethods({ storeId: store.id, currency: "CLP", runtime: testRuntime({ sandboxByDefault: false }) });
    expect(methods).toEqual([]);

    const done = await put(owner.accessToken, store.id, "transfer", { enabled: true, credentials: { accountNumber: "123", accountType: "checking" } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ enabled: true, configured: true });
  });

  test("the account type is a choice (checking, savings, vista): free text naming none answers 422 on accountType; older free text is saved as its choice", async () => {
    const { owner, store } = await ownerWithStore();
    const base = { bankName: "Banco", accountHolder: "Ana", accountNumber: "123" };
    const bad = await put(owner.accessToken, store.id, "transfer", { enabled: true, credentials: { ...base, accountType: "la de siempre" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: "credentials.accountType", code: "invalid_choice", message: expect.any(String) }]);
    const email = await put(owner.accessToken, store.id, "transfer", { enabled: true, credentials: { ...base, accountType: "savings", email: "ana@" } });
    expect(email.body.error.details).toEqual([{ field: "credentials.email", code: "invalid_email", message: expect.any(String) }]);
    for (const [text, choice] of [["Cuenta corriente", "checking"], ["Cuenta de ahorro", "savings"], ["Conta poupança", "savings"], ["Cuenta RUT", "vista"], ["vista", "vista"]] as const) {
      const res = await put(owner.accessToken, store.id, "transfer", { enabled: true, credentials: { ...base, accountType: text } });
      expect(res.body.credentials.accountType).toBe(choice);
    }
  });

  test("a webhook URL (it carries the store id) only for providers where the owner registers one by hand", async () => {
    const { owner, store } = await ownerWithStore();
    const res = await call(list.GET, { path: `/api/v1/stores/${store.id}/payments`, params: { id: store.id }, token: owner.accessToken });
    const urls = Object.fromEntries(res.body.map((c: { provider: string; notify_url: string | null }) => [c.provider, c.notify_url]));
    expect(urls).toEqual({
      paypal: `http://localhost:3000/api/webhooks/payments/paypal?store=${store.id}`,
      mercadopago: `http://localhost:3000/api/webhooks/payments/mercadopago?store=${store.id}`,
      flow: null,
      transfer: null,
      sandbox: null,
    });
  });

  test("the built-in test provider is switched with {enabled} alone (contract §10)", async () => {
    const { owner, store } = await ownerWithStore();
    const off = await put(owner.accessToken, store.id, "sandbox", { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, configured: true });
    const on = await put(owner.accessToken, store.id, "sandbox", { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ enabled: true });
  });
});
