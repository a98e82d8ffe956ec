// Every email the platform sends, in the four UI languages. `{link}`-style placeholders are filled by
// renderEmail; values are HTML-escaped there.
export type EmailTemplate = "password_reset" | "password_changed" | "invitation" | "billing_payment_failed" | "billing_payment_received" | "billing_read_only" | "billing_suspended" | "billing_trial_ended" | "live_report" | "operator_alert" | "operator_alert_recovered" | "page_disconnected" | "verify_email" | "email_change_confirm" | "email_changed" | "new_sign_in" | "account_deleted" | "reports_ready" | "failed_sign_ins";

export type EmailTexts = Record<EmailTemplate, { subject: string; heading: string; body: string; action?: string; footer: string }>;

export const en: EmailTexts = {
  password_reset: {
    subject: "Reset your LiveStreamSell password",
    heading: "Reset your password",
    body: "Someone (hopefully you) asked to reset the password of {email}. The link works once, for 1 hour. If it wasn't you, ignore this email: your password stays the same.",
    action: "Choose a new password",
    footer: "LiveStreamSell · you receive this email because of a request on your account.",
  },
  password_changed: {
    subject: "Your LiveStreamSell password was changed",
    heading: "Your password was changed",
    body: "The password of {email} was just changed and every device was signed out. If it wasn't you, reset your password now and contact support.",
    action: "Sign in",
    footer: "LiveStreamSell · security notice.",
  },
  invitation: {
    subject: "{inviter} invited you to {store} on LiveStreamSell",
    heading: "You're invited to {store}",
    body: "{inviter} invited you to help run {store} on LiveStreamSell. The invitation is valid for 7 days.",
    action: "Accept the invitation",
    footer: "LiveStreamSell · if you don't know this store, ignore this email.",
  },
  billing_payment_failed: {
    subject: "We could not collect {amount} for {store}",
    heading: "Payment failed",
    body: "We tried to collect invoice {invoice} ({amount}) for {store} and it did not go through ({reason}). We will try again on {retry}. Update the payment method in Settings → Billing to avoid interruptions.",
    action: "Open billing",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_payment_received: {
    subject: "Payment received for {store}",
    heading: "Thank you, we received your payment",
    body: "Invoice {invoice} ({amount}) for {store} is paid. Your plan is active.",
    action: "Open billing",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_read_only: {
    subject: "{store} is now read-only: an invoice is unpaid",
    heading: "Your store is read-only",
    body: "Invoice {invoice} for {store} is still unpaid after the grace period. The dashboard keeps working, but new lives cannot start until it is paid. A live that is running is not cut.",
    action: "Pay now",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_suspended: {
    subject: "{store} is suspended for an unpaid invoice",
    heading: "Your store is suspended",
    body: "Invoice {invoice} for {store} has been unpaid for {days} days, so the bot is stopped. Pay the invoice and the store is reactivated at once. Your data is kept.",
    action: "Pay now",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_trial_ended: {
    subject: "The trial of {store} has ended",
    heading: "Your trial has ended",
    body: "The free trial of {store} ended. Add a payment method in Settings → Billing to keep the plan active; the store becomes read-only after the grace period.",
    action: "Add a payment method",
    footer: "LiveStreamSell · billing notice.",
  },
  live_report: {
    subject: "{store}: what your live “{title}” sold",
    heading: "Your live “{title}” ended",
    body: "{comments} comments, {buys} wanted to buy, {reserved} reserved, {opened} opened the checkout and {paid} paid: {revenue}. Lost along the way: {waitlisted} wanted a sold-out product and {expired} let their hold expire.",
    action: "Open the full report",
    footer: "LiveStreamSell · sent to the store's owners after every live.",
  },
  operator_alert: {
    subject: "LiveStreamSell alert: {kind}",
    heading: "Something needs an operator",
    body: "{summary}",
    action: "Open the alerts",
    footer: "LiveStreamSell · operator alert. You get one email when it fires and one when it recovers.",
  },
  operator_alert_recovered: {
    subject: "Recovered: {kind}",
    heading: "Recovered after {minutes} min",
    body: "{summary} — this is back to normal.",
    action: "Open the alerts",
    footer: "LiveStreamSell · operator alert.",
  },
  page_disconnected: {
    subject: "Facebook disconnected {store} from LiveStreamSell",
    heading: "Your Page was disconnected",
    body: "Facebook revoked or expired the access of {store} to LiveStreamSell (often after a password change or a removed admin role). The bot cannot reply or send messages until you reconnect; the replies and messages due meanwhile are kept and go out when you reconnect.",
    action: "Reconnect Facebook",
    footer: "LiveStreamSell · sent to the store's owners when Meta disconnects the Page.",
  },
  verify_email: {
    subject: "Confirm your email for LiveStreamSell",
    heading: "Confirm your email",
    body: "Welcome, {name}! Confirm that {email} is yours so we can reach you about your account and your sales. The link works once, for 7 days.",
    action: "Confirm my email",
    footer: "LiveStreamSell · if you didn't create an account, ignore this email.",
  },
  email_change_confirm: {
    subject: "Confirm your new LiveStreamSell email",
    heading: "Confirm your new email",
    body: "You asked to use {email} to sign in to LiveStreamSell. The change happens when you open this link (it works once, for 24 hours).",
    action: "Confirm the new email",
    footer: "LiveStreamSell · if you didn't ask for this, ignore this email: nothing changes.",
  },
  email_changed: {
    subject: "Your LiveStreamSell email was changed",
    heading: "Your sign-in email was changed",
    body: "Your account now signs in with {new_email} instead of {email}. If it wasn't you, reset your password with this address and contact support right away.",
    footer: "LiveStreamSell · security notice.",
  },
  new_sign_in: {
    subject: "New sign-in to your LiveStreamSell account",
    heading: "A new device signed in",
    body: "Your account {email} was used to sign in on {device} (address {ip}) at {at} UTC. If it was you, nothing to do. If not, change your password and sign out the other sessions in Settings → Security.",
    action: "Review my sessions",
    footer: "LiveStreamSell · security notice.",
  },
  account_deleted: {
    subject: "Your LiveStreamSell account was deleted",
    heading: "Your account was deleted",
    body: "The account {email} and its personal data were deleted, as you asked. This is the last email we send to this address.",
    footer: "LiveStreamSell · security notice.",
  },
  reports_ready: {
    subject: "Monthly reports for {period} are ready",
    heading: "Your monthly reports are ready",
    body: "The scheduled reports of {period} ({kinds}) are in the operator console, ready to download.",
    action: "Open reports",
    footer: "LiveStreamSell · operator notice.",
  },
  failed_sign_ins: {
    subject: "Someone is trying to sign in to your LiveStreamSell account",
    heading: "Failed sign-ins on your account",
    body: "There were {count} failed attempts to sign in as {email} in the last {minutes} minutes. If it was you, you can reset your password. If it wasn't, your password is still safe — but a unique password and two-step verification (Settings → Security) keep it that way.",
    action: "Reset my password",
    footer: "LiveStreamSell · security notice, sent at most once per {minutes} minutes.",
  },
};
