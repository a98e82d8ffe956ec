import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { jobs, runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { runScheduledReports } from "@/lib/admin/run-scheduled-reports";
import * as reportsRoute from "@/app/api/admin/reports/route";
import { call } from "./helpers/api";
import { signUp } from "./helpers/factories";

// Issue 16 §7: a monthly run of the reports, listed beside the hand-made ones and emailed to the operators.

describe("scheduled monthly reports", () => {
  test("the monthly job makes the three reports once, lists them and emails every superadmin", async () => {
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
    const period = "2031-07";
    const send = () => jobs.send({ name: "reports/monthly", id: `reports-monthly:${period}`, data: { period } });
    await send();
    await runJobsUntilIdle({ functions: jobFunctions });
    const made = await prisma.report.findMany({ where: { createdBy: `schedule:${period}` } });
    expect(made.map((r) => r.kind).sort()).toEqual(["gmv", "tenants", "usage"]);
    expect(made.every((r) => r.status === "done")).toBe(true);
    expect(await prisma.email.count({ where: { to: admin.email, template: "reports_ready" } })).toBe(1);
    const list = await call(reportsRoute.GET, { token: admin.accessToken });
    expect(list.body.items.filter((r: { id: string }) => made.some((m) => m.id === r.id))).toHaveLength(3);

    // The same month again (a second instance, a replay): nothing new, no second email.
    await send();
    await runJobsUntilIdle({ functions: jobFunctions });
    expect(await runScheduledReports({ period })).toEqual({ created: 0 });
    expect(await prisma.report.count({ where: { createdBy: `schedule:${period}` } })).toBe(3);
    expect(await prisma.email.count({ where: { to: admin.email, template: "reports_ready" } })).toBe(1);
  });
});
