import type { Product } from "@/generated/prisma/client";
import { minorToMajor } from "@/lib/money";
import type { z } from "zod";
import type { productOutput } from "./schemas";

export function toProductDto(p: Product, currency: string): z.infer<typeof productOutput> {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    price: minorToMajor(p.priceMinor, currency),
    price_minor: p.priceMinor,
    currency,
    stock: p.stock,
    reserved: p.reserved,
    available: Math.max(0, p.stock - p.reserved),
    keywords: p.keywords,
    color: p.color,
    size: p.size,
    group_key: p.groupKey,
    image_url: p.imageUrl,
    low_stock_at: p.lowStockAt,
    active: p.active,
  };
}
