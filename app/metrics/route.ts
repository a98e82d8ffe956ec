import { metricsAuthorized } from "@/lib/observability/authorize-metrics";
import { collectAppMetrics } from "@/lib/observability/collect-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint for the whole app (web server + job worker). */
export async function GET(req: Request) {
  if (!metricsAuthorized(req.headers.get("authorization"))) {
    return Response.json({ error: { code: "unauthorized", message: "GET /metrics needs Authorization: Bearer <METRICS_TOKEN>" } }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const { contentType, text } = await collectAppMetrics();
  return new Response(text, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
