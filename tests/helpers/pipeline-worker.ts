// Child process of the restart test: a whole app worker (all job functions) that gets SIGKILLed mid-job.
import { startJobWorker } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";

startJobWorker({ functions: jobFunctions, leaseMs: Number(process.env.TEST_LEASE_MS ?? 800), pollIntervalMs: 50 });
