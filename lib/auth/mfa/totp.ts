import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238: SHA-1, 30 s steps, 6 digits (what every authenticator app reads from the QR code). */
export function newTotpSecret() {
  return generateSecret();
}

export function totpUri({ secret, email }: { secret: string; email: string }) {
  return generateURI({ issuer: "LiveStreamSell", label: email, secret });
}

/**
 * Accepts the current step and one step either side (phones whose clock drifts a little), but only a
 * step after `afterStep` (the last one the user spent): a code cannot be replayed inside its window.
 * Returns the matched time step, or null.
 */
export async function verifyTotp({ secret, code, afterStep }: { secret: string; code: string; afterStep?: number | null }): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: 30, ...(afterStep != null && { afterTimeStep: afterStep }) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
