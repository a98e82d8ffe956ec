import { describe, expect, test } from "vitest";
import { z } from "zod";
import { partialUpdateOf } from "./partial-update";
import { productUpdateInput } from "@/lib/inventory/schemas";
import { storeUpdateInput } from "@/lib/stores/schemas";

describe("partialUpdateOf", () => {
  const create = z.object({
    name: z.string().min(1),
    description: z.string().default(""),
    tags: z.array(z.string()).default([]).describe("labels"),
    note: z.string().nullish(),
    kind: z.enum(["a", "b"]).optional().default("a"),
    flag: z.boolean().prefault(false),
  });
  const update = partialUpdateOf(create);

  test("a field the body does not name stays undefined: no create default creeps in", () => {
    expect(create.parse({ name: "x" })).toEqual({ name: "x", description: "", tags: [], kind: "a", flag: false });
    expect(update.parse({})).toEqual({});
    expect(update.parse({ name: "y" })).toEqual({ name: "y" });
  });

  test("named fields are validated exactly as on create, and null stays allowed where it was", () => {
    expect(update.safeParse({ name: "" }).success).toBe(false);
    expect(update.safeParse({ kind: "c" }).success).toBe(false);
    expect(update.parse({ description: "", tags: [], note: null })).toEqual({ description: "", tags: [], note: null });
  });

  test("descriptions survive for the OpenAPI document", () => {
    expect(update.shape.tags.description).toBe("labels");
  });
});

// Every PATCH schema built from a create schema: an empty body must mean "change nothing".
describe.each([
  ["productUpdateInput", productUpdateInput],
  ["storeUpdateInput", storeUpdateInput],
] as const)("%s", (_name, schema) => {
  test("parses an empty body to an empty object", () => {
    expect(schema.parse({})).toEqual({});
  });
});
