import type { Tx } from "@/lib/db";
import { inferVariants } from "@/lib/ai/infer-variants";

type Row = { id: string; sku: string; name: string; description: string; color: string | null; size: string | null; groupKey: string | null; variantInferred: string[] };

export type VariantField = "color" | "size" | "group";

/**
 * The seller set these variant fields of one product: a value is theirs from then on (never re-inferred);
 * an empty value hands the field back to inference. Call before refreshVariants, in the same transaction.
 */
export async function markVariantFields(tx: Tx, productId: string, fields: Partial<Record<VariantField, string | null>>) {
  const set = (Object.entries(fields) as Array<[VariantField, string | null | undefined]>).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([f]) => f);
  if (set.length === 0) return;
  await tx.$executeRaw`
    UPDATE products SET "variantInferred" = ARRAY(SELECT f FROM unnest(coalesce("variantInferred", '{}')) f WHERE f <> ALL(${set}::text[])) WHERE id = ${productId}`;
}

/**
 * Re-infers size, colour and group for a store's catalog (issue 13): fields the seller never set are
 * read again from the names, SKUs and descriptions, and products that differ only by those are grouped.
 * The whole catalog is read because a group depends on its other members. One read and at most one
 * write (of the rows that changed). Runs inside the caller's transaction (import, create, update, delete).
 */
export async function refreshVariants(tx: Tx, storeId: string): Promise<{ changed: number }> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT id, sku, name, description, color, size, "groupKey", "variantInferred" FROM products WHERE "storeId" = ${storeId} AND "deletedAt" IS NULL ORDER BY sku`;
  if (rows.length === 0) return { changed: 0 };
  // A value is the seller's unless it is marked inferred; an empty one is always open to inference.
  const own = (r: Row, field: VariantField, value: string | null) => ((r.variantInferred ?? []).includes(field) ? null : value);
  const variants = inferVariants(rows.map((r) => ({ sku: r.sku, name: r.name, description: r.description, color: own(r, "color", r.color), size: own(r, "size", r.size), group: own(r, "group", r.groupKey) })));
  const changed = rows.flatMap((r, i) => {
    const v = variants[i]!;
    const inferred = (["color", "size", "group"] as const).filter((f) => v.inferred[f]);
    const before = r.variantInferred ?? [];
    const same = v.color === r.color && v.size === r.size && v.group === r.groupKey && inferred.length === before.length && inferred.every((f) => before.includes(f));
    return same ? [] : [{ id: r.id, color: v.color, size: v.size, group: v.group, inferred: inferred.join(",") }];
  });
  if (changed.length === 0) return { changed: 0 };
  await tx.$executeRaw`
    UPDATE products p SET color = u.color, size = u.size, "groupKey" = u.grp, "variantInferred" = coalesce(string_to_array(nullif(u.inferred, ''), ','), '{}')::text[]
    FROM unnest(${changed.map((c) => c.id)}::text[], ${changed.map((c) => c.color)}::text[], ${changed.map((c) => c.size)}::text[], ${changed.map((c) => c.group)}::text[], ${changed.map((c) => c.inferred)}::text[])
      AS u(id, color, size, grp, inferred)
    WHERE p.id = u.id`;
  return { changed: changed.length };
}
