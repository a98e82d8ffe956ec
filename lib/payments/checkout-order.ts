import { createHash, timingSafeEqual } from "node:crypto";
import { prisma } from "@/lib/db";

const digest = (value: string) => createHash("sha256").update(value).digest();
// Compared when the order does not exist, so a missing order and a wrong token take the same time.
const DECOY = digest("no-such-order");

/**
 * The order behind a checkout link, or null when the id is unknown or the token does not match.
 * Tokens are compared as SHA-256 digests with timingSafeEqual: constant time whatever their length.
 */
export async function loadCheckoutOrder({ orderId, token }: { orderId: string; token: string | null | undefined }) {
  if (!token || token.length > 256 || !orderId || orderId.length > 64) return null;
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    include: {
      store: { select: { id: true, name: true, country: true, currency: true, locale: true, timezone: true } },
      buyer: { select: { id: true, locale: true, name: true } },
      items: { orderBy: { sku: "asc" }, include: { product: { select: { imageUrl: true, color: true, size: true } } } },
    },
  });
  const matches = timingSafeEqual(digest(token), order ? digest(order.checkoutToken) : DECOY);
  return order && matches ? order : null;
}

export type CheckoutOrder = NonNullable<Awaited<ReturnType<typeof loadCheckoutOrder>>>;
