import { publicRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { forgotPasswordInput } from "@/lib/auth/schemas";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { localeFromAcceptLanguage } from "@/lib/i18n";

/** Always 202: whether the account exists is never revealed. */
export const POST = publicRoute(async ({ req }) => {
  const { email } = await parseJsonBody(req, forgotPasswordInput);
  await requestPasswordReset({ email, locale: localeFromAcceptLanguage(req.headers.get("accept-language")) });
  return json({ ok: true, message: "If an account exists for this email, a reset link is on its way." }, 202);
});
