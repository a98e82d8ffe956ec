import { publicRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { registerInput } from "@/lib/auth/schemas";
import { registerUser } from "@/lib/auth/register-user";
import { hitRateLimit, secondsUntil } from "@/lib/security/rate-limit";
import { tooManyRequests } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { isUiLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from "@/lib/i18n";

export const POST = publicRoute(async ({ req, ip }) => {
  const bucket = await hitRateLimit({ key: `register:ip:${ip}`, windowSeconds: 3600 });
  if (bucket.count > env().SIGNUPS_PER_IP_PER_HOUR) throw tooManyRequests(secondsUntil(bucket.resetAt));
  const input = await parseJsonBody(req, registerInput);
  const cookieLocale = req.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isUiLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage(req.headers.get("accept-language"));
  const user = await registerUser({ email: input.email, password: input.password, fullName: input.full_name, locale });
  return json({ user_id: user.id }, 201);
});
