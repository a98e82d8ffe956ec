import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** With METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` may read /metrics. */
export function metricsAuthorized(authorization: string | null): boolean {
  const token = env().METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice(7) : "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
