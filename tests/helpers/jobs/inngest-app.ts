// Child process of the real-engine app-kill test: the app's Inngest side — its /api/inngest handlers on
// $INNGEST_APP_PORT and the outbox relay — as one process that gets SIGKILLed mid-run and started again.
import { jobFunctions } from "@/inngest/functions";
import { startInngestRelayFromEnv } from "@/lib/jobs";
import { createInngestHandlers } from "@/lib/jobs/inngest-serve";
import { serveInngestHandlers } from "../inngest-engine";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
await serveInngestHandlers(() => createInngestHandlers(jobFunctions), { port: Number(process.env.INNGEST_APP_PORT) });
startInngestRelayFromEnv({ logger: quiet, pollMs: 200, retryBaseMs: 200, retryMaxMs: 1_000 });
process.send?.("ready");
