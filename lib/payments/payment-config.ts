import { z } from "zod";
import { prisma, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { unprocessable } from "@/lib/http/errors";
import { decryptJson, encryptJson } from "@/lib/security/encryption";
import { credentialSchemas, normalizeAccountType, transferDetailsInput } from "./gateways/credentials";
import { PROVIDER_IDS, type ProviderId } from "./gateways/types";
import { settingsIssue, settingsIssues, type SettingsIssue } from "./payment-config-issues";
import { maskSecret, PROVIDER_FIELDS, PROVIDERS_WITH_WEBHOOK_URL } from "./provider-fields";

export const providerIdSchema = z.enum(PROVIDER_IDS);

export const paymentConfigInput = z.object({
  enabled: z.boolean().optional(),
  /** Field → value. An empty secret keeps the saved value; an empty optional detail removes it. */
  credentials: z.record(z.string(), z.string().max(2000)).optional(),
});

export const paymentConfigOutput = z.object({
  provider: providerIdSchema,
  enabled: z.boolean(),
  configured: z.boolean(),
  credentials: z.record(z.string(), z.string().nullable()).describe("secrets masked as ••••last4"),
  fields: z.array(z.object({ name: z.string(), secret: z.boolean(), optional: z.boolean() })),
  notify_url: z.string().nullable().describe("only for providers where it must be registered by hand (PayPal, Mercado Pago): the URL to register"),
  updated_at: z.string().nullable(),
});
export type PaymentConfigView = z.infer<typeof paymentConfigOutput>;

type StoredRow = { provider: string; enabled: boolean; settingsCiphertext: string; updatedAt: Date };

/** Decrypted settings of one provider, or null when the store never saved them (sandbox needs none). */
export async function loadProviderSettings({ storeId, provider }: { storeId: string; provider: ProviderId }): Promise<{ enabled: boolean; settings: Record<string, unknown> } | null> {
  const row = await prisma.paymentConfig.findUnique({ where: { storeId_provider: { storeId, provider } } });
  if (!row) return null;
  return { enabled: row.enabled, settings: decryptJson<Record<string, unknown>>(row.settingsCiphertext) };
}

/** Every provider with its state for the settings page and the API (OWNER only: callers check the role). */
export async function listPaymentConfigs({ storeId, sandboxByDefault, appUrl }: { storeId: string; sandboxByDefault: boolean; appUrl: string }): Promise<PaymentConfigView[]> {
  const rows = await prisma.paymentConfig.findMany({ where: { storeId } });
  return PROVIDER_IDS.map((provider) => toView({ storeId, provider, row: rows.find((r) => r.provider === provider) ?? null, sandboxByDefault, appUrl }));
}

export async function getPaymentConfig(args: { storeId: string; provider: ProviderId; sandboxByDefault: boolean; appUrl: string }): Promise<PaymentConfigView> {
  const row = await prisma.paymentConfig.findUnique({ where: { storeId_provider: { storeId: args.storeId, provider: args.provider } } });
  return toView({ ...args, row });
}

/**
 * Validates the merged settings with the provider's own schema, stores them encrypted, and audits
 * which fields changed (never their values). Bad input changes nothing.
 */
export async function savePaymentConfig(args: {
  storeId: string;
  provider: ProviderId;
  input: z.output<typeof paymentConfigInput>;
  actorId: string;
  ip?: string | null;
  sandboxByDefault: boolean;
  appUrl: string;
}): Promise<PaymentConfigView> {
  const { storeId, provider, input } = args;
  const existing = await prisma.paymentConfig.findUnique({ where: { storeId_provider: { storeId, provider } } });
  const previous = existing ? decryptJson<Record<string, unknown>>(existing.settingsCiphertext) : {};
  const fields = PROVIDER_FIELDS[provider];
  const unknown = Object.keys(input.credentials ?? {}).filter((k) => !fields.some((f) => f.name === k));
  if (unknown.length) throw unprocessable(`Unknown ${provider} settings: ${unknown.join(", ")}`, unknown.map((f) => settingsIssue(`credentials.${f}`, "unknown_field")));

  const merged: Record<string, unknown> = { ...previous };
  if (provider === "transfer" && typeof previous.accountType === "string") merged.accountType = normalizeAccountType(previous.accountType) ?? previous.accountType;
  const changed: string[] = [];
  for (const field of fields) {
    const value = input.credentials?.[field.name]?.trim();
    if (value === undefined) continue;
    if (value === "") {
      if (field.secret) continue;
      if (merged[field.name] !== undefined) changed.push(field.name);
      delete merged[field.name];
      continue;
    }
    const normalized = provider === "transfer" && field.name === "accountType" ? (normalizeAccountType(value) ?? value) : value;
    if (merged[field.name] !== normalized) changed.push(field.name);
    merged[field.name] = normalized;
  }
  const enabled = input.enabled ?? existing?.enabled ?? true;
  // Offered at checkout only when complete; switched off, a half-filled form may be kept as a draft.
  const schema = inputSchema(provider);
  const complete = schema.safeParse(merged);
  const parsed = complete.success || enabled ? complete : schema.partial().safeParse(merged);
  if (!parsed.success) {
    const details: SettingsIssue[] = settingsIssues(parsed.error.issues, merged);
    if (enabled && details.some((d) => d.code === "required")) {
      details.push({ field: "enabled", code: "not_configured", message: "cannot be on until every required setting is filled in" });
    }
    throw unprocessable(`Invalid ${provider} settings — ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  const data = parsed.data as Record<string, unknown>;
  const row = await prisma.$transaction(async (tx) => {
    const saved = await tx.paymentConfig.upsert({
      where: { storeId_provider: { storeId, provider } },
      create: { storeId, provider, enabled, settingsCiphertext: encryptJson(data) },
      update: { enabled, settingsCiphertext: encryptJson(data) },
    });
    await recordAudit(tx, {
      storeId,
      actorType: "USER",
      actorId: args.actorId,
      action: "payment_config.updated",
      entityType: "payment_config",
      entityId: saved.id,
      data: {
        provider,
        enabled,
        changedFields: changed,
        before: existing ? { enabled: existing.enabled, credentials: maskedSettings(provider, previous) } : null,
        after: { enabled, credentials: maskedSettings(provider, data) },
      } as Prisma.InputJsonValue,
      ip: args.ip ?? null,
    });
    return saved;
  });
  return toView({ storeId, provider, row, sandboxByDefault: args.sandboxByDefault, appUrl: args.appUrl });
}

/** Settings as the audit log keeps them: secrets masked exactly like the API shows them. */
function maskedSettings(provider: ProviderId, settings: Record<string, unknown>) {
  const out: Record<string, string | null> = {};
  for (const field of PROVIDER_FIELDS[provider]) {
    const value = settings[field.name];
    out[field.name] = typeof value === "string" ? (field.secret ? maskSecret(value) : value) : null;
  }
  return out;
}

/** What a seller may save now (stricter than what older stored settings are read with: the account type is a choice). */
function inputSchema(provider: ProviderId) {
  return provider === "transfer" ? transferDetailsInput : credentialSchemas[provider];
}

function toView({ storeId, provider, row, sandboxByDefault, appUrl }: { storeId: string; provider: ProviderId; row: StoredRow | null; sandboxByDefault: boolean; appUrl: string }): PaymentConfigView {
  const settings = row ? decryptJson<Record<string, unknown>>(row.settingsCiphertext) : {};
  const credentials: Record<string, string | null> = {};
  for (const field of PROVIDER_FIELDS[provider]) {
    const value = settings[field.name];
    const shown = provider === "transfer" && field.name === "accountType" ? (normalizeAccountType(value) ?? value) : value;
    credentials[field.name] = typeof shown === "string" ? (field.secret ? maskSecret(shown) : shown) : null;
  }
  // Configured = complete enough for checkout (the same lenient read checkout uses), not merely saved as a draft.
  const configured = provider === "sandbox" || (row !== null && credentialSchemas[provider].safeParse(settings).success);
  const enabled = row ? row.enabled && configured : provider === "sandbox" && sandboxByDefault;
  return {
    provider,
    enabled,
    configured,
    credentials,
    fields: PROVIDER_FIELDS[provider].map((f) => ({ ...f })),
    // Only where the seller must register it by hand; the other providers receive it with each payment.
    notify_url: PROVIDERS_WITH_WEBHOOK_URL.includes(provider) ? notifyUrl({ appUrl, provider, storeId }) : null,
    updated_at: row ? row.updatedAt.toISOString() : null,
  };
}

/** The notification URL for one store and provider: the store id tells us whose credentials verify it. */
export function notifyUrl({ appUrl, provider, storeId }: { appUrl: string; provider: ProviderId; storeId: string }): string {
  return `${appUrl}/api/webhooks/payments/${provider}?store=${encodeURIComponent(storeId)}`;
}
