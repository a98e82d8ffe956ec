import { sellerRoute, json } from "@/lib/http/route";
import { setupMfa } from "@/lib/auth/mfa/setup-mfa";

export const POST = sellerRoute(async ({ user }) => json(await setupMfa({ userId: user.id })));
