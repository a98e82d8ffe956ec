import { randomBytes } from "node:crypto";
import * as register from "@/app/api/v1/auth/register/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as stores from "@/app/api/v1/stores/route";
import * as paymentProvider from "@/app/api/v1/stores/[id]/payments/[provider]/route";
import { call } from "./api";

let n = 0;
export function uniqueEmail(prefix = "seller") {
  return `${prefix}.${Date.now()}.${n++}.${randomBytes(3).toString("hex")}@example.com`;
}

export async function signUp({ email = uniqueEmail(), password = "correct horse 42", fullName = "Ana Vendedora" } = {}) {
  const reg = await call(register.POST, { path: "/api/v1/auth/register", body: { email, password, full_name: fullName }, headers: { "x-forwarded-for": `10.0.${n}.1` } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const tok = await call(token.POST, { path: "/api/v1/auth/token", body: { email, password } });
  if (tok.status !== 200) throw new Error(`token failed: ${tok.status} ${JSON.stringify(tok.body)}`);
  return { userId: reg.body.user_id as string, email, password, accessToken: tok.body.access_token as string, refreshToken: tok.body.refresh_token as string };
}

export async function createStoreFor(accessToken: string, overrides: Record<string, unknown> = {}, { sandbox = true } = {}) {
  const res = await call(stores.POST, {
    path: "/api/v1/stores",
    token: accessToken,
    body: { name: "Tienda Ana", country: "CL", currency: "CLP", locale: "es-CL", fb_page_id: String(100000 + Math.floor(Math.random() * 1e9)), ...overrides },
  });
  if (res.status !== 201) throw new Error(`create store failed: ${res.status} ${JSON.stringify(res.body)}`);
  // Test payments are opt-in per store (owner's PUT .../payments/sandbox); the suites pay through them.
  if (!sandbox) return res.body as { id: string; fb_page_id: string; currency: string };
  const enabled = await call(paymentProvider.PUT, { method: "PUT", path: `/api/v1/stores/${res.body.id}/payments/sandbox`, token: accessToken, params: { id: res.body.id, provider: "sandbox" }, body: { enabled: true } });
  if (enabled.status !== 200) throw new Error(`enable sandbox failed: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  return res.body as { id: string; fb_page_id: string; currency: string };
}
