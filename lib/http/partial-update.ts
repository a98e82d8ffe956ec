import { z } from "zod";

type WithoutDefault<T> = T extends z.ZodDefault<infer I> ? WithoutDefault<I> : T extends z.ZodPrefault<infer I> ? WithoutDefault<I> : T;
export type PartialUpdateShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

function withoutDefault(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return withoutDefault(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodOptional) return withoutDefault(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return withoutDefault(schema.unwrap() as z.ZodType).nullable();
  return schema;
}

/**
 * The PATCH schema of a create schema: every field optional and WITHOUT its create default.
 *
 * zod 4's `.partial()` keeps `.default()`s, so a body naming only `stock` came out with
 * `description: ""` and `keywords: []` and the update wiped them. A partial update must change only
 * the fields the caller names: here a missing field stays `undefined`, so the update skips it.
 */
export function partialUpdateOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PartialUpdateShape<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as unknown as Record<string, z.ZodType>)) {
    const optional = withoutDefault(field).optional();
    shape[key] = field.description ? optional.describe(field.description) : optional;
  }
  return z.object(shape) as unknown as z.ZodObject<PartialUpdateShape<S>>;
}
