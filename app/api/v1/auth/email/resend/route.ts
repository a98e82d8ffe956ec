import { sellerRoute, json } from "@/lib/http/route";
import { resendVerification } from "@/lib/auth/email-address/resend-verification";

export const POST = sellerRoute(async ({ user }) => json(await resendVerification({ userId: user.id }), 202));
