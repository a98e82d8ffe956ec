import { defineJob } from "@/lib/jobs";
import { deliverEmail, markEmailFailed } from "@/lib/email/deliver-email";

/** Every platform email (password reset, invitations, security notices): recorded first, delivered here with retries. */
export const sendEmail = defineJob({
  id: "send-email",
  event: "email/requested",
  retries: 6,
  async handler({ event, step }) {
    const result = await step.run("deliver", () => deliverEmail({ emailId: event.data.emailId }));
    return { status: result.status };
  },
  async onFailure({ event }) {
    await markEmailFailed({ emailId: event.data.emailId });
  },
});
