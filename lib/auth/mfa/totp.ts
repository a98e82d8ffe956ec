import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238: SHA-1, 30 s steps, 6 digits (what every authenticator app reads from the QR code). */
export function newTotpSecret() {
  return generateSecret();
}

export function totpUri({ secret, email }: { secret: string; email: string }) {
  return generateURI({ issuer: "LiveStreamSell", label: email, secret });
}

/** Accepts the current step and one step either side (phones whose clock drifts a little). */
export async function verifyTotp({ secret, code }: { secret: string; code: string }) {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}
