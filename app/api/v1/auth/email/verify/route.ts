import { publicRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { emailTokenInput } from "@/lib/auth/schemas";
import { confirmEmailToken } from "@/lib/auth/email-address/confirm-email-token";

/** The emailed link's token (sign-up verification or a new address): the token itself is the credential. */
export const POST = publicRoute(async ({ req, ip }) => {
  const { token } = await parseJsonBody(req, emailTokenInput);
  return json(await confirmEmailToken({ token, ip }));
});
