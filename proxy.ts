import { NextResponse, type NextRequest } from "next/server";
import { nonceCsp } from "@/lib/security/csp";

/**
 * Every page rendered for a request gets a fresh script nonce: the Content-Security-Policy carrying it
 * goes on the request (Next reads it there and puts the nonce on its own scripts) and on the response.
 * Every page but the prerendered licence pages is rendered per request already (the locale comes from
 * the cookie or Accept-Language), so the nonce costs no static page. See lib/security/csp.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = nonceCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not: API routes, static files, the prerendered licence pages, health and metrics (lib/security/csp.ts STATIC_CSP_SOURCES).
      source: "/((?!api/|_next/|legal/licenses|health$|metrics$|favicon\\.ico$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
