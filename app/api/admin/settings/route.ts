import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { getPlatformSettings, platformSettingsUpdate, updatePlatformSettings } from "@/lib/admin/platform-settings";

export const GET = adminRoute(async () => json(await getPlatformSettings()));

export const PATCH = adminRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, platformSettingsUpdate);
  return json(await updatePlatformSettings({ input, actorId: user.id }));
});
