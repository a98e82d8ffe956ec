import { NextResponse } from "next/server";
import { createInngestHandlers } from "@/lib/jobs/inngest-serve";
import { usesInngest } from "@/lib/env";
import { jobFunctions } from "@/inngest/functions";

export const dynamic = "force-dynamic";

// Built on first request: the client reads the typed env, which `next build` does not have.
// Inngest runs exactly the app's job functions, passed in here; events sent meanwhile go to Inngest.
let handlers: ReturnType<typeof createInngestHandlers> | null = null;
function inngestHandlers() {
  handlers ??= createInngestHandlers(jobFunctions);
  return handlers;
}

type Ctx = { params: Promise<Record<string, string>> };
// Without Inngest configured the local driver runs the jobs: there is no endpoint to introspect or call.
const notServed = () => NextResponse.json({ error: { code: "not_found", message: "Inngest is not configured on this instance" } }, { status: 404 });
export const GET = (req: Request, ctx: Ctx) => (usesInngest() ? inngestHandlers().GET(req as never, ctx as never) : notServed());
export const POST = (req: Request, ctx: Ctx) => (usesInngest() ? inngestHandlers().POST(req as never, ctx as never) : notServed());
export const PUT = (req: Request, ctx: Ctx) => (usesInngest() ? inngestHandlers().PUT(req as never, ctx as never) : notServed());
