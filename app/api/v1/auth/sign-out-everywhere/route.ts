import { sellerRoute, json } from "@/lib/http/route";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";

export const POST = sellerRoute(async ({ user, ip }) => json(await signOutEverywhere({ userId: user.id, ip })));
