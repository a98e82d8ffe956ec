import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { deliverEmail } from "@/lib/email/deliver-email";
import * as forgot from "@/app/api/v1/auth/password/forgot/route";
import * as reset from "@/app/api/v1/auth/password/reset/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as stores from "@/app/api/v1/stores/route";
import * as mfaSetup from "@/app/api/v1/auth/mfa/setup/route";
import * as mfaEnable from "@/app/api/v1/auth/mfa/enable/route";
import * as mfaDisable from "@/app/api/v1/auth/mfa/disable/route";
import { call } from "./helpers/api";
import { signUp, uniqueEmail } from "./helpers/factories";
import { reloadEnv } from "./helpers/env";
import { decodedText, startFakeSmtp } from "./fakes/smtp-server";

const nowSeconds = () => Math.floor(Date.now() / 1000);
const run = () => runJobsUntilIdle({ functions: jobFunctions });
const resetLink = (text: string) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("password reset (local mailbox)", () => {
  it("answers 202 for an unknown email and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const res = await call(forgot.POST, { body: { email } });
    expect(res.status).toBe(202);
    await run();
    expect(await prisma.email.count({ where: { to: email } })).toBe(0);
  });

  it("emails a single-use link; the reset revokes every earlier token; the new password works", async () => {
    const user = await signUp();
    const res = await call(forgot.POST, { body: { email: user.email.toUpperCase() }, headers: { "accept-language": "pt-BR" } });
    expect(res.status).toBe(202);
    await run();
    const mail = await prisma.email.findFirstOrThrow({ where: { to: user.email, template: "password_reset" } });
    expect(mail).toMatchObject({ status: "SENT", transport: "local", locale: "pt" });
    expect(mail.subject).toMatch(/senha/);
    expect(mail.html).toContain("/reset-password?token=");
    const secret = resetLink(mail.text)!;
    expect(secret).toBeTruthy();
    // Only a hash is stored.
    expect(JSON.stringify(await prisma.passwordResetToken.findMany({ where: { userId: user.userId } }))).not.toContain(secret);

    const weak = await call(reset.POST, { body: { token: secret, password: "short" } });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details[0]).toMatchObject({ field: "password", code: "too_short" });
    const common = await call(reset.POST, { body: { token: secret, password: "password123" } });
    expect(common.status).toBe(422);
    expect(common.body.error.details[0]).toMatchObject({ field: "password", code: "too_common" });
    const long = await call(reset.POST, { body: { token: secret, password: "ñ".repeat(40) } });
    expect(long.status).toBe(422);
    expect(long.body.error.details[0].field).toBe("password");
    // None of those spent the token or revoked anything.
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(200);

    const ok = await call(reset.POST, { body: { token: secret, password: "a brand new secret 7" } });
    expect(ok.status).toBe(200);
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(401);
    expect((await call(refresh.POST, { body: { refresh_token: user.refreshToken } })).status).toBe(401);
    const again = await call(reset.POST, { body: { token: secret, password: "another new secret 8" } });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0]).toMatchObject({ field: "token", code: "invalid_token" });

    expect((await call(token.POST, { body: { email: user.email, password: user.password } })).status).toBe(401);
    const fresh = await call(token.POST, { body: { email: user.email, password: "a brand new secret 7" } });
    expect(fresh.status).toBe(200);
    expect((await call(stores.GET, { token: fresh.body.access_token })).status).toBe(200);
    await run();
    expect(await prisma.email.count({ where: { to: user.email, template: "password_changed", status: "SENT" } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const user = await signUp();
    await call(forgot.POST, { body: { email: user.email } });
    const mail = await prisma.email.findFirstOrThrow({ where: { to: user.email, template: "password_reset" } });
    await prisma.passwordResetToken.updateMany({ where: { userId: user.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(reset.POST, { body: { token: resetLink(mail.text)!, password: "a brand new secret 7" } });
    expect(res.status).toBe(422);
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(200);
  });
});

describe("email through SMTP_URL", () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.EMAIL_FROM = "Tienda <hola@example.com>";
    reloadEnv();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.EMAIL_FROM;
    reloadEnv();
    await smtp.close();
  });

  it("delivers through the SMTP server with auth; a failed attempt is recorded and retried", async () => {
    const user = await signUp();
    await run(); // the sign-up verification email goes out first
    smtp.failNext(1);
    await call(forgot.POST, { body: { email: user.email } });
    const mail = await prisma.email.findFirstOrThrow({ where: { to: user.email, template: "password_reset" } });
    await expect(deliverEmail({ emailId: mail.id })).rejects.toThrow(/SMTP/);
    expect(await prisma.email.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "PENDING", attempts: 1 });
    await run();
    const sent = await prisma.email.findUniqueOrThrow({ where: { id: mail.id } });
    expect(sent).toMatchObject({ status: "SENT", transport: "smtp" });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    const got = smtp.received.filter((m) => m.to.includes(user.email) && decodedText(m.raw).includes("/reset-password?token="));
    expect(got).toHaveLength(1);
    expect(got[0]!.user).toBe("mailer");
    expect(got[0]!.from).toBe("hola@example.com");
    expect(decodedText(got[0]!.raw)).toContain("/reset-password?token=");
    // Delivered once: running the job again sends nothing more.
    await deliverEmail({ emailId: mail.id });
    expect(smtp.received.filter((m) => m.to.includes(user.email) && decodedText(m.raw).includes("/reset-password?token="))).toHaveLength(1);
  });
});

describe("MFA (TOTP)", () => {
  it("setup → enable → token needs a code; backup codes work once; disable", async () => {
    const user = await signUp();
    const setup = await call(mfaSetup.POST, { method: "POST", token: user.accessToken });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauth_url).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const secret = setup.body.secret as string;

    const wrong = await call(mfaEnable.POST, { token: user.accessToken, body: { code: "000000" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: "code", code: "invalid_code" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).mfaEnabledAt).toBeNull();

    const enabled = await call(mfaEnable.POST, { token: user.accessToken, body: { code: await generate({ secret }) } });
    expect(enabled.status).toBe(200);
    const codes = enabled.body.backup_codes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await prisma.mfaBackupCode.findMany({ where: { userId: user.userId } });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!);

    const creds = { email: user.email, password: user.password };
    const noCode = await call(token.POST, { body: creds });
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe("mfa_required");
    expect((await call(token.POST, { body: { ...creds, mfa_code: "123456" } })).status).toBe(401);
    // The code that confirmed the enrolment was spent: the next step's code signs in (a clock a step ahead).
    expect((await call(token.POST, { body: { ...creds, mfa_code: await generate({ secret, epoch: nowSeconds() + 30 }) } })).status).toBe(200);
    expect((await call(token.POST, { body: { ...creds, mfa_code: codes[3] } })).status).toBe(200);
    const reused = await call(token.POST, { body: { ...creds, mfa_code: codes[3] } });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe("invalid_mfa_code");
    expect((await call(token.POST, { body: { ...creds, mfa_code: codes[4]!.toUpperCase().replace("-", " ") } })).status).toBe(200);

    expect((await call(mfaDisable.POST, { token: user.accessToken, body: { code: "000000" } })).status).toBe(422);
    expect((await call(mfaDisable.POST, { token: user.accessToken, body: { code: codes[5]! } })).status).toBe(200);
    expect((await call(token.POST, { body: creds })).status).toBe(200);
    expect(await prisma.mfaBackupCode.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("a TOTP code signs in once: replaying it inside its window is refused, even with the right password", async () => {
    const user = await signUp();
    const { body } = await call(mfaSetup.POST, { method: "POST", token: user.accessToken });
    const secret = body.secret as string;
    const enrolCode = await generate({ secret });
    expect((await call(mfaEnable.POST, { token: user.accessToken, body: { code: enrolCode } })).status).toBe(200);
    const creds = { email: user.email, password: user.password };
    const replayedEnrolment = await call(token.POST, { body: { ...creds, mfa_code: enrolCode } });
    expect(replayedEnrolment.status).toBe(401);
    expect(replayedEnrolment.body.error.code).toBe("invalid_mfa_code");
    const next = await generate({ secret, epoch: nowSeconds() + 30 });
    expect((await call(token.POST, { body: { ...creds, mfa_code: next } })).status).toBe(200);
    const replayed = await call(token.POST, { body: { ...creds, mfa_code: next } });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe("invalid_mfa_code");
    // An older step than the last one spent is refused too.
    expect((await call(token.POST, { body: { ...creds, mfa_code: await generate({ secret, epoch: nowSeconds() - 30 }) } })).status).toBe(401);
    // Two sign-ins racing with one fresh code: exactly one wins.
    await prisma.user.update({ where: { id: user.userId }, data: { mfaLastStep: null } });
    const fresh = await generate({ secret });
    const raced = await Promise.all([1, 2, 3].map(() => call(token.POST, { body: { ...creds, mfa_code: fresh } })));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it("a wrong password with MFA on is still invalid_credentials (the second factor is asked only after it)", async () => {
    const user = await signUp();
    const { body } = await call(mfaSetup.POST, { method: "POST", token: user.accessToken });
    await call(mfaEnable.POST, { token: user.accessToken, body: { code: await generate({ secret: body.secret }) } });
    const res = await call(token.POST, { body: { email: user.email, password: "wrong password 1" } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_credentials");
  });
});

describe("sign out everywhere", () => {
  it("revokes every token of the caller at once; a new sign-in works", async () => {
    const { POST } = await import("@/app/api/v1/auth/sign-out-everywhere/route");
    const user = await signUp();
    const second = await call(token.POST, { body: { email: user.email, password: user.password } });
    expect((await call(POST, { method: "POST", token: user.accessToken })).status).toBe(200);
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(401);
    expect((await call(stores.GET, { token: second.body.access_token })).status).toBe(401);
    expect((await call(refresh.POST, { body: { refresh_token: second.body.refresh_token } })).status).toBe(401);
    const fresh = await call(token.POST, { body: { email: user.email, password: user.password } });
    expect((await call(stores.GET, { token: fresh.body.access_token })).status).toBe(200);
  });
});

describe("invitations by email", () => {
  it("inviting a member emails the invitation link in the store's language", async () => {
    const { POST } = await import("@/app/api/v1/stores/[id]/members/route");
    const { createStoreFor } = await import("./helpers/factories");
    const owner = await signUp({ fullName: "Ana Dueña" });
    const store = await createStoreFor(owner.accessToken, { locale: "pt-BR", name: "Loja Ana" });
    const invitee = uniqueEmail("invitee");
    const res = await call(POST, { params: { id: store.id }, token: owner.accessToken, body: { email: invitee } });
    expect(res.status).toBe(201);
    await run();
    const mail = await prisma.email.findFirstOrThrow({ where: { to: invitee, template: "invitation" } });
    expect(mail).toMatchObject({ status: "SENT", locale: "pt" });
    expect(mail.subject).toContain("Loja Ana");
    expect(mail.text).toContain(res.body.invite_url);
    expect(mail.html).toContain("Ana Dueña");
  });
});

describe("change password", () => {
  it("needs the current password, applies the password rules, then revokes every session and emails a notice", async () => {
    const { POST } = await import("@/app/api/v1/auth/password/change/route");
    const user = await signUp();
    const wrong = await call(POST, { token: user.accessToken, body: { current_password: "not it at all", new_password: "a brand new secret 7" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: "current_password", code: "wrong_password" });
    const same = await call(POST, { token: user.accessToken, body: { current_password: user.password, new_password: user.email } });
    expect(same.status).toBe(422);
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(200);
    const ok = await call(POST, { token: user.accessToken, body: { current_password: user.password, new_password: "a brand new secret 7" } });
    expect(ok.status).toBe(200);
    expect((await call(stores.GET, { token: user.accessToken })).status).toBe(401);
    expect((await call(token.POST, { body: { email: user.email, password: "a brand new secret 7" } })).status).toBe(200);
    await run();
    expect(await prisma.email.count({ where: { to: user.email, template: "password_changed", status: "SENT" } })).toBe(1);
  });
});

describe("repeated failed sign-ins (issue 15)", () => {
  it("email the account's owner once per window when they reach the backoff threshold; an unknown address emails nobody", async () => {
    const { authenticate } = await import("@/lib/auth/authenticate");
    const user = await signUp();
    const attempt = (ip: string, email = user.email) => authenticate({ email, password: "wrong horse 1", ip }).catch((e: unknown) => e);
    // Spread over addresses, as a password-spraying bot would: no address is locked, the account is not.
    for (let i = 0; i < 7; i++) await attempt(`203.0.113.${i + 1}`);
    const notices = () => prisma.email.findMany({ where: { template: "failed_sign_ins", to: user.email } });
    expect(await notices()).toHaveLength(0);
    await attempt("203.0.113.50");
    const [notice, ...more] = await notices();
    expect(more).toHaveLength(0);
    expect(notice!.text).toContain("/forgot-password");
    expect(notice!.text).toContain("8");
    await attempt("203.0.113.51");
    await attempt("203.0.113.52");
    expect(await notices()).toHaveLength(1);
    // The right password still works (only slowed down), and nobody else is told anything.
    expect(await authenticate({ email: user.email, password: user.password, ip: "198.51.100.7" })).toMatchObject({ email: user.email });
    const stranger = uniqueEmail();
    for (let i = 0; i < 9; i++) await attempt(`192.0.2.${i + 1}`, stranger);
    expect(await prisma.email.count({ where: { template: "failed_sign_ins", to: stranger } })).toBe(0);
  });
});
