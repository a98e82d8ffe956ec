import { afterAll, afterEach, describe, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { defineJob, getJobDriver, jobs, routeJobEventsTo } from "./index";

const INNGEST_VARS = ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_BASE_URL", "INNGEST_DEV"] as const;

afterEach(() => {
  for (const name of INNGEST_VARS) delete process.env[name];
  reloadEnv();
});
afterAll(() => disconnectPrisma());

describe("job driver selection", () => {
  test("without INNGEST_* variables jobs run on the local driver", async () => {
    const job = defineJob({ id: "selected-local", event: "order/created", handler: async () => "ok" });
    routeJobEventsTo([job]);

    const { ids } = await jobs.send({ name: "order/created", id: "order:sel", data: { orderId: "sel", storeId: "s" } });

    expect(getJobDriver().kind).toBe("local");
    expect(ids).toEqual(["order:sel"]);
    expect(await prisma.job.count({ where: { functionId: "selected-local", eventId: "order:sel" } })).toBe(1);
  });

  test.each(INNGEST_VARS)("%s selects the Inngest driver", (name) => {
    process.env[name] = name === "INNGEST_BASE_URL" ? "http://127.0.0.1:8288" : name === "INNGEST_DEV" ? "1" : "key";
    reloadEnv();
    expect(getJobDriver().kind).toBe("inngest");
  });
});
