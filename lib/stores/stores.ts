import type { z } from "zod";
import { jobs } from "@/lib/jobs";
import type { Store } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { defaultPlan } from "@/lib/billing/plans";
import { getPlatformSettings } from "@/lib/admin/platform-settings";
import { encryptSecret, decryptSecret } from "@/lib/security/encryption";
import { accessEndsAt } from "@/lib/onboarding/token-expiry";
import type { metaTokenInput, storeCreateInput, storeOutput, storeUpdateInput } from "./schemas";

export const COUNTRY_TIMEZONES: Record<string, string> = {
  CL: "America/Santiago", MX: "America/Mexico_City", AR: "America/Argentina/Buenos_Aires", PE: "America/Lima",
  CO: "America/Bogota", ES: "Europe/Madrid", BR: "America/Sao_Paulo", PT: "Europe/Lisbon", US: "America/New_York",
  FR: "Europe/Paris", IT: "Europe/Rome", AE: "Asia/Dubai", SA: "Asia/Riyadh", EG: "Africa/Cairo", MA: "Africa/Casablanca",
  UY: "America/Montevideo", EC: "America/Guayaquil", BO: "America/La_Paz", PY: "America/Asuncion", GB: "Europe/London",
};

const META_STATUS_FIELDS = { id: true, disconnectedAt: true, missingPermissions: true, tokenExpiresAt: true, dataAccessExpiresAt: true } as const;
type MetaStatusFields = { id: string; disconnectedAt: Date | null; missingPermissions: string[]; tokenExpiresAt: Date | null; dataAccessExpiresAt: Date | null };

/** connected, disconnected (no token, or Meta revoked it with error 190) or missing_permissions. */
function metaStatusOf(connection: MetaStatusFields | null | undefined): "connected" | "disconnected" | "missing_permissions" {
  if (!connection || connection.disconnectedAt) return "disconnected";
  return connection.missingPermissions.length > 0 ? "missing_permissions" : "connected";
}

function toStoreDto(store: Store & { metaConnection?: MetaStatusFields | null }, role: "OWNER" | "STAFF"): z.infer<typeof storeOutput> {
  return {
    id: store.id,
    name: store.name,
    country: store.country,
    currency: store.currency,
    locale: store.locale,
    timezone: store.timezone,
    fb_page_id: store.fbPageId,
    role,
    bot_tone: store.botTone,
    question_answers: store.questionAnswers === "dm" ? "dm" : "public",
    reservation_ttl_seconds: store.reservationTtlSeconds,
    transfer_review_hold_seconds: store.transferReviewHoldSeconds,
    meta_connected: Boolean(store.metaConnection),
    meta_status: metaStatusOf(store.metaConnection),
    meta_missing_permissions: store.metaConnection && !store.metaConnection.disconnectedAt ? store.metaConnection.missingPermissions : [],
    meta_access_expires_at: store.metaConnection ? (accessEndsAt(store.metaConnection)?.toISOString() ?? null) : null,
    auto_start_lives: store.autoStartLives,
    cart_recovery_messages: store.cartRecoveryMessages,
    high_risk_threshold: store.highRiskThreshold,
    high_risk_hold_seconds: store.highRiskHoldSeconds,
    high_risk_treatment: store.highRiskTreatment as "short_hold" | "pay_first" | "approval",
    blocked_buyer_reply: store.blockedBuyerReply === "polite" ? "polite" : "none",
    comment_retention_days: store.commentRetentionDays,
    onboarding_step: store.onboardingStep,
    created_at: store.createdAt.toISOString(),
  };
}

export async function createStore({ userId, input }: { userId: string; input: z.output<typeof storeCreateInput> }) {
  if (input.fb_page_id) {
    const taken = await prisma.store.findUnique({ where: { fbPageId: input.fb_page_id }, select: { id: true } });
    if (taken) throw conflict("page_taken", "This Facebook Page is already connected to another store", [{ field: "fb_page_id", code: "taken", message: "is already connected" }]);
  }
  // The default plan and trial length come from System settings (the built-in plan when the chosen one is gone).
  const settings = await getPlatformSettings();
  const plan = (await prisma.plan.findUnique({ where: { code: settings.default_plan } })) ?? (await defaultPlan());
  const trialEnd = new Date(Date.now() + settings.trial_days * 24 * 3600 * 1000);
  return prisma.$transaction(async (tx) => {
    const store = await tx.store.create({
      data: {
        name: input.name,
        country: input.country,
        currency: input.currency,
        locale: input.locale,
        timezone: input.timezone ?? COUNTRY_TIMEZONES[input.country] ?? "UTC",
        fbPageId: input.fb_page_id ?? null,
        onboardingStep: 1,
        memberships: { create: { userId, role: "OWNER" } },
        subscription: { create: { planId: plan.id, status: "TRIALING", currentPeriodEnd: trialEnd, trialEndsAt: trialEnd } },
      },
    });
    await recordAudit(tx, { storeId: store.id, actorType: "USER", actorId: userId, action: "store.created", entityType: "store", entityId: store.id, data: { name: store.name } });
    return toStoreDto(store, "OWNER");
  });
}

export async function listStoresForUser(userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    include: { store: { include: { metaConnection: { select: META_STATUS_FIELDS } } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => toStoreDto(m.store, m.role));
}

export async function getStoreForMemberOrThrow({ storeId, role }: { storeId: string; role: "OWNER" | "STAFF" }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, include: { metaConnection: { select: META_STATUS_FIELDS } } });
  if (!store) throw notFound("Store");
  return toStoreDto(store, role);
}

export async function updateStore({ storeId, role, input, actorId }: { storeId: string; role: "OWNER" | "STAFF"; input: z.output<typeof storeUpdateInput>; actorId: string }) {
  if (input.fb_page_id) {
    const taken = await prisma.store.findFirst({ where: { fbPageId: input.fb_page_id, id: { not: storeId } }, select: { id: true } });
    if (taken) throw conflict("page_taken", "This Facebook Page is already connected to another store", [{ field: "fb_page_id", code: "taken", message: "is already connected" }]);
  }
  const store = await prisma.$transaction(async (tx) => {
    const s = await tx.store.update({
      where: { id: storeId },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.country !== undefined && { country: input.country }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.timezone !== undefined && { timezone: input.timezone }),
        ...(input.fb_page_id !== undefined && { fbPageId: input.fb_page_id }),
        ...(input.bot_tone !== undefined && { botTone: input.bot_tone }),
        ...(input.question_answers !== undefined && { questionAnswers: input.question_answers }),
        ...(input.reservation_ttl_seconds !== undefined && { reservationTtlSeconds: input.reservation_ttl_seconds }),
        ...(input.transfer_review_hold_seconds !== undefined && { transferReviewHoldSeconds: input.transfer_review_hold_seconds }),
        ...(input.message_texts !== undefined && { messageTexts: input.message_texts }),
        ...(input.onboarding_step !== undefined && { onboardingStep: input.onboarding_step }),
        ...(input.auto_start_lives !== undefined && { autoStartLives: input.auto_start_lives }),
        ...(input.cart_recovery_messages !== undefined && { cartRecoveryMessages: input.cart_recovery_messages }),
        ...(input.high_risk_threshold !== undefined && { highRiskThreshold: input.high_risk_threshold }),
        ...(input.high_risk_hold_seconds !== undefined && { highRiskHoldSeconds: input.high_risk_hold_seconds }),
        ...(input.high_risk_treatment !== undefined && { highRiskTreatment: input.high_risk_treatment }),
        ...(input.blocked_buyer_reply !== undefined && { blockedBuyerReply: input.blocked_buyer_reply }),
        ...(input.comment_retention_days !== undefined && { commentRetentionDays: input.comment_retention_days }),
      },
      include: { metaConnection: { select: META_STATUS_FIELDS } },
    });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "store.updated", entityType: "store", entityId: storeId, data: { fields: Object.keys(input) } });
    return s;
  });
  return toStoreDto(store, role);
}

export async function setMetaPageToken({ storeId, input, actorId }: { storeId: string; input: z.output<typeof metaTokenInput>; actorId: string }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { fbPageId: true } });
  if (!store) throw notFound("Store");
  const pageId = input.page_id ?? store.fbPageId;
  if (!pageId) throw conflict("page_missing", "Set the store's fb_page_id (or send page_id) before connecting a token", [{ field: "page_id", code: "required", message: "is required" }]);
  await prisma.$transaction(async (tx) => {
    if (pageId !== store.fbPageId) await tx.store.update({ where: { id: storeId }, data: { fbPageId: pageId } });
    // A new token reconnects a Page that Meta had disconnected (error 190).
    const data = { pageId, pageName: input.page_name ?? null, tokenCiphertext: encryptSecret(input.page_access_token), tokenLast4: input.page_access_token.slice(-4), disconnectedAt: null, disconnectReason: null, tokenExpiresAt: null, dataAccessExpiresAt: null, tokenCheckedAt: null, expiryWarnedAt: null, permissionsWarnedAt: null };
    await tx.metaConnection.upsert({ where: { storeId }, update: data, create: { storeId, ...data } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "meta.token_set", entityType: "store", entityId: storeId, data: { pageId } });
    // Replies that waited for a reconnect (error 190) go out once this commits.
    await jobs.send({ name: "meta/reconnected", id: `meta-reconnected:${storeId}:${Date.now()}`, data: { storeId } }, { tx });
  });
  return { store_id: storeId, page_id: pageId, connected: true, token_last4: input.page_access_token.slice(-4) };
}

/** The decrypted Page token, for the Graph client only; never logged, never returned by the API. */
export async function getPageAccessToken(storeId: string): Promise<{ pageId: string; token: string; disconnected: boolean } | null> {
  const conn = await prisma.metaConnection.findUnique({ where: { storeId } });
  return conn ? { pageId: conn.pageId, token: decryptSecret(conn.tokenCiphertext), disconnected: conn.disconnectedAt !== null } : null;
}
