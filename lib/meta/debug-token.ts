import { z } from "zod";
import { graphJson } from "./graph-json";

/**
 * GET /debug_token (https://developers.facebook.com/docs/graph-api/reference/debug_token): Meta's word on a
 * token — `is_valid`, `expires_at` (Unix seconds; 0 = never, as for a Page token obtained through a
 * long-lived user token), `data_access_expires_at` (when the app loses access to the person's data unless
 * they use it again, about 90 days) and `scopes` (the permissions the token carries). Meta requires an app
 * access token (`{app-id}|{app-secret}`); it travels in the Authorization header, the inspected token in
 * `input_token` as the endpoint defines.
 */
const debugTokenBody = z.object({
  data: z.object({
    is_valid: z.boolean(),
    type: z.string().optional(),
    expires_at: z.number().optional(),
    data_access_expires_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    profile_id: z.string().optional(),
    error: z.object({ code: z.number().optional(), message: z.string().optional(), subcode: z.number().optional() }).optional(),
  }),
});

export type TokenHealth = {
  valid: boolean;
  /** null: never expires. */
  expiresAt: Date | null;
  /** null: Meta did not say. */
  dataAccessExpiresAt: Date | null;
  scopes: string[];
  /** Why Meta considers it invalid (its error message), when it does. */
  reason: string | null;
};

const fromUnix = (s: number | undefined) => (s && s > 0 ? new Date(s * 1000) : null);

export async function debugToken({ graphApiUrl, appId, appSecret, inputToken, fetch: doFetch = fetch }: {
  graphApiUrl: string; appId: string; appSecret: string; inputToken: string; fetch?: typeof fetch;
}): Promise<TokenHealth> {
  const url = new URL(`${graphApiUrl.replace(/\/$/, "")}/debug_token`);
  url.searchParams.set("input_token", inputToken);
  const res = await doFetch(url, { headers: { authorization: `Bearer ${appId}|${appSecret}` }, signal: AbortSignal.timeout(10_000) });
  const { data } = await graphJson(res, debugTokenBody, "Checking the Facebook token");
  return {
    valid: data.is_valid,
    expiresAt: fromUnix(data.expires_at),
    dataAccessExpiresAt: fromUnix(data.data_access_expires_at),
    scopes: data.scopes ?? [],
    reason: data.is_valid ? null : (data.error?.message ?? "Meta says the token is no longer valid"),
  };
}
