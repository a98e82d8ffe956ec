import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { ensureDefaultPlans, TRIAL_DAYS } from "@/lib/billing/plans";

/** The platform's global defaults a superadmin sets in System settings. */
export const platformSettingsUpdate = z
  .object({
    signups_open: z.boolean(),
    trial_days: z.number().int().min(0).max(90),
    default_plan: z.string().trim().min(1).max(40),
    maintenance_banner: z.string().trim().max(300).nullable(),
  })
  .partial()
  .strict();

export type PlatformSettings = { signups_open: boolean; trial_days: number; default_plan: string; maintenance_banner: string | null };

const DEFAULTS: PlatformSettings = { signups_open: true, trial_days: TRIAL_DAYS, default_plan: "starter", maintenance_banner: null };

/** The settings in force: what a superadmin saved, the defaults for the rest. */
export async function getPlatformSettings(): Promise<PlatformSettings> {
  const rows = await prisma.platformSetting.findMany();
  // Each value is kept as {"v": value}, so null (no banner) is a value like any other.
  const saved = Object.fromEntries(rows.map((r) => [r.key, (r.value as { v?: unknown }).v]));
  const out = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof PlatformSettings)[]) if (key in saved) (out as Record<string, unknown>)[key] = saved[key];
  return out;
}

/** Saves the given settings (the default plan must exist), audited with before/after, and answers the settings in force. */
export async function updatePlatformSettings({ input, actorId }: { input: z.output<typeof platformSettingsUpdate>; actorId: string }) {
  if (input.default_plan !== undefined) await ensureDefaultPlans();
  if (input.default_plan !== undefined && !(await prisma.plan.findUnique({ where: { code: input.default_plan }, select: { id: true } }))) {
    throw new AppError(422, "validation_error", "default_plan is not a plan", [{ field: "default_plan", code: "invalid_option", message: `is not a plan: "${input.default_plan}"` }]);
  }
  const before = await getPlatformSettings();
  const banner = input.maintenance_banner === "" ? null : input.maintenance_banner;
  const changes = { ...input, ...(input.maintenance_banner !== undefined ? { maintenance_banner: banner } : {}) };
  await prisma.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(changes)) {
      await tx.platformSetting.upsert({ where: { key }, update: { value: { v: value ?? null } }, create: { key, value: { v: value ?? null } } });
    }
    await recordAudit(tx, { actorType: "USER", actorId, action: "platform.settings_changed", entityType: "platform_settings", data: { before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof PlatformSettings]])), after: changes } });
  });
  return getPlatformSettings();
}
