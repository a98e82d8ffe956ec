/**
 * The background worker `npm start` runs beside the web server: the durable in-process job driver
 * (PostgreSQL) and the expiry sweeper, in a process of its own so that processing comments never delays
 * the web server's answers to Meta. Same code as the in-process worker of `next dev`; several workers
 * (on several machines) may share one database.
 */
import { jobFunctions } from "../inngest/functions";
import { startBackgroundRuntime } from "../lib/jobs/runtime";

const runtime = startBackgroundRuntime({ functions: jobFunctions, force: true });
console.log(`[livestreamsell] job worker ${process.pid} running`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[livestreamsell] job worker stopping (${signal})`);
  await runtime.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
