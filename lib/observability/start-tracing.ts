import { env } from "@/lib/env";
import { logger } from "./logger";
import { startTracing } from "./tracing";

/** Starts tracing in this process when OTEL_EXPORTER_OTLP_ENDPOINT is set (web server, job worker); else nothing. */
export function startTracingFromEnv(role: "web" | "worker"): () => Promise<void> {
  const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: serviceName } = env();
  if (!endpoint) return () => Promise.resolve();
  const stop = startTracing({ endpoint, serviceName: `${serviceName}-${role}` });
  logger.info({ endpoint, role }, "tracing: exporting spans by OTLP");
  return stop;
}
