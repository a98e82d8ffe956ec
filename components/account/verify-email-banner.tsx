"use client";
import { useState, type ReactNode } from "react";
import { MailWarning } from "lucide-react";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

const EMAIL_SLOT = "\u0000";

/** An address with line-break opportunities after "@" and before each dot, where a reader expects the break. */
function breakableEmail(email: string): ReactNode[] {
  return email.split(/(?<=@)|(?=\.)/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

/** Non-blocking: shown on every dashboard page until the sign-up email is confirmed; resends the link. */
export function VerifyEmailBanner({ email, t }: { email: string; t: AccountMessages["lifecycle"] }) {
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);
  const [before, after = ""] = format(t.verifyBanner, { email: EMAIL_SLOT }).split(EMAIL_SLOT);
  return (
    <div role="status" data-testid="verify-email-banner" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm text-amber-200">
      {/* At least 15rem for the text: on a phone the button goes below it rather than squeezing it. */}
      <div className="flex min-w-0 flex-1 basis-60 items-start gap-3">
        <MailWarning className="size-5 shrink-0" aria-hidden />
        <p className="min-w-0 flex-1 break-words">
          {before}
          {/* Isolated (keeps its own direction inside Arabic text); on a narrow screen it wraps after "@" or before a dot, never mid-word. */}
          <bdi data-testid="verify-email-address">{breakableEmail(email)}</bdi>
          {after}
        </p>
      </div>
      {state === "sent" ? (
        <span data-testid="verify-email-resent">{t.resent}</span>
      ) : (
        <Button size="sm" variant="outline" disabled={state === "busy"} onClick={async () => {
          setState("busy");
          setError(null);
          try {
            await api("/api/v1/auth/email/resend", { method: "POST" });
            setState("sent");
          } catch (err) {
            setError(err instanceof ApiError ? err.message : String(err));
            setState("idle");
          }
        }}>{t.resend}</Button>
      )}
      {error && <p className="w-full text-rose-200">{error}</p>}
    </div>
  );
}
