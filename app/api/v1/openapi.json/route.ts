import { buildOpenApi } from "@/lib/http/openapi";
import { env } from "@/lib/env";
import { apiOperations } from "./operations";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApi(env().APP_URL, apiOperations));
}
