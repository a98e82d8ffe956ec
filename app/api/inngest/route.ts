import { serve } from "inngest/next";
import { getInngestClient, toInngestFunction } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";

export const dynamic = "force-dynamic";

// Built on first request: the client reads the typed env, which `next build` does not have.
// Inngest runs exactly the app's job functions, passed in here; events sent meanwhile go to Inngest.
let handlers: ReturnType<typeof serve> | null = null;
function inngestHandlers() {
  if (!handlers) {
    const client = getInngestClient();
    handlers = serve({ client, functions: jobFunctions.map((f) => toInngestFunction(f, client)) });
  }
  return handlers;
}

type Ctx = { params: Promise<Record<string, string>> };
export const GET = (req: Request, ctx: Ctx) => inngestHandlers().GET(req as never, ctx as never);
export const POST = (req: Request, ctx: Ctx) => inngestHandlers().POST(req as never, ctx as never);
export const PUT = (req: Request, ctx: Ctx) => inngestHandlers().PUT(req as never, ctx as never);
