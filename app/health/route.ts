import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkHealth();
  return Response.json(result, { status: result.status === "alive" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
