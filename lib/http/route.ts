import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { resolveRequestUser, getSessionUser, type AuthVia, type CurrentUser } from "@/lib/auth/current-user";
import { AppError, notFound, toErrorResponse, unauthorized, validationError } from "./errors";
import { assertNoNul } from "./input-guards";
import { clientAddress, requestHost } from "./client-address";
import { currentRequestContext, requestIdFrom, runWithRequestContext } from "@/lib/observability/request-context";

type RouteContext = { params: Promise<Record<string, string>> };
type Params = Record<string, string>;

export type PublicCtx = { req: NextRequest; params: Params; ip: string };
export type AuthedCtx = PublicCtx & { user: CurrentUser; via: AuthVia };

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return NextResponse.json(data, { status, headers });
}

function clientIp(req: Request) {
  return clientAddress((name) => req.headers.get(name));
}

function errorResponse(error: unknown) {
  const { status, body } = toErrorResponse(error);
  const headers: Record<string, string> = {};
  const retry = (body.error.details as { retry_after?: number } | undefined)?.retry_after;
  if (status === 429 && retry) headers["Retry-After"] = String(retry);
  return NextResponse.json(body, { status, headers });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a cookie-authenticated mutation must come from our own origin. Browsers always send Origin on
 * cross-site POSTs, and Sec-Fetch-Site where supported; Bearer-token calls carry no ambient credentials.
 */
function assertSameOrigin(req: NextRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError(403, "csrf_failed", "Cross-site request refused");
  const origin = req.headers.get("origin") ?? req.headers.get("referer");
  if (!origin) throw new AppError(403, "csrf_failed", "Missing Origin header on a cookie-authenticated request");
  const host = requestHost((name) => req.headers.get(name));
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(403, "csrf_failed", "Malformed Origin header");
  }
  if (originHost !== host) throw new AppError(403, "csrf_failed", "Cross-site request refused");
}

/** No authentication; still one error style. Webhooks, auth endpoints, health. */
export function publicRoute(handler: (ctx: PublicCtx) => Promise<Response>) {
  const run = async (req: NextRequest, context: RouteContext) => {
    try {
      const params = (await context?.params) ?? {};
      // A NUL in a path id can never name a row (PostgreSQL refuses it in text): 422 naming the parameter.
      assertNoNul(params);
      return await handler({ req, params, ip: clientIp(req) });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return async (req: NextRequest, context: RouteContext) => {
    // `npm start`'s server opened the request's context already; `next dev` and direct calls open it here.
    const open = currentRequestContext();
    const requestId = open?.request_id ?? requestIdFrom(req.headers.get("x-request-id"));
    const res = open ? await run(req, context) : await runWithRequestContext({ request_id: requestId }, () => run(req, context));
    try {
      if (!res.headers.has("x-request-id")) res.headers.set("x-request-id", requestId);
    } catch {
      /* a Response.redirect() has immutable headers; npm start's server has set the header already */
    }
    return res;
  };
}

/** Seller API: a Bearer token or the dashboard cookie; handlers then check store membership. */
export function sellerRoute(handler: (ctx: AuthedCtx) => Promise<Response>) {
  return publicRoute(async (ctx) => {
    const { user, via } = await resolveRequestUser(ctx.req);
    if (via === "session") assertSameOrigin(ctx.req);
    return handler({ ...ctx, user, via });
  });
}

/** Platform admin API: superadmins only. Anyone else gets 404, as if the console did not exist (CONTRACT §9). */
export function adminRoute(handler: (ctx: AuthedCtx) => Promise<Response>) {
  return sellerRoute(async (ctx) => {
    if (ctx.user.platformRole !== "SUPERADMIN") throw notFound();
    return handler(ctx);
  });
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Server actions: same user resolution and error mapping as the API, returned as data, never thrown. */
export function sellerAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, user: CurrentUser) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const user = await getSessionUser();
      if (!user) throw unauthorized();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error, raw);
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      return { ok: false, error: toErrorResponse(error).body.error };
    }
  };
}
