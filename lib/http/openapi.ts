import { z } from "zod";
import { registerInput, tokenInput, refreshInput, tokenPairOutput } from "@/lib/auth/schemas";
import { storeCreateInput, storeUpdateInput, metaTokenInput, storeOutput } from "@/lib/stores/schemas";
import { productCreateInput, productUpdateInput, productListQuery, productOutput, importResult } from "@/lib/inventory/schemas";
import { apiOperations as extraOperations } from "./openapi-operations";

export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyType?: "application/json" | "text/csv";
  response?: z.ZodType;
  status?: number;
  errors?: number[];
};

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe("English; names the field on validation errors"),
    details: z
      .unknown()
      .optional()
      .describe("on 422 validation_error (and field conflicts): [{field, code, params?, message}] — code is stable (required, too_short {min}, invalid_email, invalid_option {options}, taken, …): translate it, don't parse message"),
  }),
});
const idParam = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Every operation documented here is served by a route that validates with the very same schema. */
export const operations: Operation[] = [
  { method: "post", path: "/api/v1/auth/register", tag: "auth", summary: "Create an account", body: registerInput, response: z.object({ user_id: z.string() }), status: 201, auth: false, errors: [409, 422, 429] },
  { method: "post", path: "/api/v1/auth/token", tag: "auth", summary: "Exchange email + password (and mfa_code when two-step verification is on: 401 mfa_required without it) for an access token (1 h) and a refresh token (30 d)", body: tokenInput, response: tokenPairOutput, auth: false, errors: [401, 422, 429] },
  { method: "post", path: "/api/v1/auth/refresh", tag: "auth", summary: "Rotate a refresh token; a reused token revokes the login", body: refreshInput, response: tokenPairOutput, auth: false, errors: [401] },
  { method: "post", path: "/api/v1/auth/revoke", tag: "auth", summary: "Revoke a login (refresh token family and its access tokens)", body: refreshInput, status: 204, auth: false },
  { method: "get", path: "/api/v1/stores", tag: "stores", summary: "Stores the caller belongs to", response: z.array(storeOutput) },
  { method: "post", path: "/api/v1/stores", tag: "stores", summary: "Create a store (caller becomes OWNER)", body: storeCreateInput, response: storeOutput, status: 201, errors: [409, 422] },
  { method: "get", path: "/api/v1/stores/{id}", tag: "stores", summary: "One store", response: storeOutput, errors: [404] },
  { method: "patch", path: "/api/v1/stores/{id}", tag: "stores", summary: "Update store profile and bot settings (OWNER)", body: storeUpdateInput, response: storeOutput, errors: [403, 404, 422] },
  { method: "put", path: "/api/v1/stores/{id}/meta", tag: "stores", summary: "Connect the Facebook Page token (stored encrypted, never returned; OWNER)", body: metaTokenInput, response: z.object({ store_id: z.string(), page_id: z.string(), connected: z.boolean(), token_last4: z.string() }), errors: [403, 404, 422] },
  { method: "get", path: "/api/v1/inventory/products", tag: "inventory", summary: "List products", query: productListQuery, response: z.array(productOutput), errors: [404, 422] },
  { method: "post", path: "/api/v1/inventory/products", tag: "inventory", summary: "Create a product", body: productCreateInput, response: productOutput, status: 201, errors: [402, 404, 409, 422] },
  { method: "get", path: "/api/v1/inventory/products/{id}", tag: "inventory", summary: "One product", response: productOutput, errors: [404] },
  { method: "patch", path: "/api/v1/inventory/products/{id}", tag: "inventory", summary: "Update a product (stock or stock_delta; never below reserved)", body: productUpdateInput, response: productOutput, errors: [404, 422] },
  { method: "delete", path: "/api/v1/inventory/products/{id}", tag: "inventory", summary: "Delete a product without open reservations", status: 204, errors: [404, 409] },
  { method: "post", path: "/api/v1/inventory/import", tag: "inventory", summary: "Import a catalog CSV (all-or-nothing; header sku,name,description,price,stock,keywords; keywords ;-separated; price in major units)", query: z.object({ store_id: z.string(), dry_run: z.enum(["0", "1", "true", "false"]).optional() }), body: z.string().describe("text/csv, UTF-8"), bodyType: "text/csv", response: importResult, errors: [400, 404, 413, 422] },
  ...extraOperations,
];

function schemaOf(s: z.ZodType, io: "input" | "output") {
  const json = z.toJSONSchema(s, { io, unrepresentable: "any", target: "openapi-3.0" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export function buildOpenApi(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...idParam(op.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...(op.query
        ? Object.entries((schemaOf(op.query, "input").properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
            name,
            in: "query",
            required: ((schemaOf(op.query!, "input").required as string[] | undefined) ?? []).includes(name),
            schema,
          }))
        : []),
    ];
    const status = String(op.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: op.response ? { description: "OK", content: { "application/json": { schema: schemaOf(op.response, "output") } } } : { description: "No content" },
    };
    for (const code of [...(op.auth === false ? [] : [401]), 400, ...(op.errors ?? [])]) {
      responses[String(code)] ??= { description: "Error", content: { "application/json": { schema: schemaOf(errorBody, "output") } } };
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(parameters.length > 0 && { parameters }),
      ...(op.body && { requestBody: { required: true, content: { [op.bodyType ?? "application/json"]: { schema: schemaOf(op.body, "input") } } } }),
      responses,
      ...(op.auth === false ? { security: [] } : {}),
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "LiveStreamSell API", version: "1.0.0", description: "Seller API. Authenticate with `Authorization: Bearer <access_token>` from /api/v1/auth/token, or the dashboard session cookie. Errors are `{\"error\":{\"code\",\"message\",\"details?\"}}`. Another tenant's ids answer 404." },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    security: [{ bearer: [] }],
    paths,
  };
}
