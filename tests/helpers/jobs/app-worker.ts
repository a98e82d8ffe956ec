// Run as a child process by the kill test (node --import tsx): the app's job functions on the local
// driver with a short lease, so a killed worker's running jobs are taken again within a second.
import { jobFunctions } from "@/inngest/functions";
import { startLocalWorker } from "@/lib/jobs/local-driver";

startLocalWorker({ functions: jobFunctions, leaseMs: 800, pollIntervalMs: 50, workerId: `doomed-${process.pid}` });
