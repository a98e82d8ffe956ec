import { prisma } from "@/lib/db";

/** Whether the store's owner switched test payments (the built-in sandbox provider) on. */
export async function isSandboxEnabled({ storeId }: { storeId: string }) {
  const row = await prisma.paymentConfig.findUnique({ where: { storeId_provider: { storeId, provider: "sandbox" } }, select: { enabled: true } });
  return row?.enabled === true;
}
