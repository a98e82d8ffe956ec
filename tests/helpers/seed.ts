import { prisma } from "@/lib/db";
import { randomBytes } from "node:crypto";
import { encryptJson, encryptSecret } from "@/lib/security/encryption";

/** A store with a connected Page, an active live and a small catalog, written straight to the database. */
type SeedProduct = { sku: string; name: string; priceMinor: number; stock: number; keywords?: string[]; color?: string | null; size?: string | null };

export async function seedStore({ currency = "CLP", country = "CL", locale = "es-CL", products = [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 10, keywords: ["polera", "roja", "m"], color: "rojo", size: "M" }] as SeedProduct[], ttl = null as number | null } = {}) {
  const suffix = randomBytes(4).toString("hex");
  const pageId = String(100000000 + Math.floor(Math.random() * 899999999));
  const owner = await prisma.user.create({ data: { email: `owner.${suffix}@example.com`, fullName: "Owner", passwordHash: null } });
  const store = await prisma.store.create({
    data: {
      name: `Tienda ${suffix}`, country, currency, locale, timezone: "America/Santiago", fbPageId: pageId, reservationTtlSeconds: ttl,
      memberships: { create: { userId: owner.id, role: "OWNER" } },
      metaConnection: { create: { pageId, tokenCiphertext: encryptSecret(`EAAtesttoken${suffix}`), tokenLast4: suffix.slice(-4) } },
    },
  });
  // Test payments are opt-in per store; the suites pay through the sandbox, so their stores switch it on.
  await prisma.paymentConfig.create({ data: { storeId: store.id, provider: "sandbox", enabled: true, settingsCiphertext: encryptJson({}) } });
  const created = [];
  for (const p of products) created.push(await prisma.product.create({ data: { storeId: store.id, ...p } }));
  const live = await prisma.live.create({ data: { storeId: store.id, fbVideoId: `vid${suffix}`, fbPostId: `${pageId}_post${suffix}`, title: "Live de prueba" } });
  // The Page token as Meta would know it: a fake Graph learns a token's Page only from the calls it sees,
  // so a test that needs it from the first call (whose reply is the Page's?) registers it.
  return { owner, store, live, products: created, pageId, pageToken: `EAAtesttoken${suffix}` };
}

export async function seedBuyer(storeId: string, pageId: string, name = "Carla") {
  const authorId = String(Math.floor(Math.random() * 1e15));
  return prisma.buyer.create({ data: { storeId, pageId, authorId, name } });
}
