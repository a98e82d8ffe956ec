// Run as a child process by the crash test (node --import tsx): a worker that will be SIGKILLed mid-job.
import { createHotPathDb } from "@/lib/sql";
import { startLocalWorker } from "@/lib/jobs/local-driver";
import { crashJob } from "./crash-job";

const db = createHotPathDb(process.env.DATABASE_URL!);
startLocalWorker({
  functions: [crashJob({ db, hangInB: true })],
  db,
  leaseMs: Number(process.env.CRASH_TEST_LEASE_MS ?? 500),
  pollIntervalMs: 50,
  workerId: "doomed",
});
