import { z } from "zod";

/** One documented API operation. */
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

function schemaOf(s: z.ZodType, io: "input" | "output") {
  const json = z.toJSONSchema(s, { io, unrepresentable: "any", target: "openapi-3.0" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * The OpenAPI 3.0 document of the given operations. Each domain exports its own (`lib/<domain>/openapi.ts`),
 * documented with the very schemas its routes validate with; app/api/v1/openapi.json/operations.ts
 * lists them all.
 */
export function buildOpenApi(serverUrl: string, operations: readonly Operation[]) {
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
