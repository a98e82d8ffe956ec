import { issueTokenPair } from "./api-tokens";
import { noticeNewDevice } from "./sessions/notice-new-device";

/** API sign-in after `authenticate`: a new-device notice when this client never signed in before, then a token pair. */
export async function signInTokens({ userId, userAgent, ip }: { userId: string; userAgent: string | null; ip: string | null }) {
  const ua = userAgent?.slice(0, 300) || null;
  await noticeNewDevice({ userId, userAgent: ua, ip });
  return issueTokenPair({ userId, userAgent: ua, ip });
}
