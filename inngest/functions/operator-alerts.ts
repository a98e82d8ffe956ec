import { defineJob } from "@/lib/jobs";
import { evaluateOperatorAlerts } from "@/lib/alerts/evaluate-operator-alerts";
import { notifyOperatorAlert } from "@/lib/alerts/notify-operator-alert";

/** The operators' alarm clock (every minute): evaluate, then notify each transition once, each in its own retried step. */
export const evaluateOperatorAlertsJob = defineJob({
  id: "evaluate-operator-alerts",
  event: "ops/alerts",
  retries: 3,
  concurrency: { limit: 1 },
  async handler({ event, step }) {
    const transitions = await step.run("evaluate", () => evaluateOperatorAlerts({ now: new Date(event.data.at) }));
    for (const t of transitions) await step.run(`notify-${t.transition}-${t.alertId}`, () => notifyOperatorAlert(t));
    return { transitions: transitions.length };
  },
});
