"use client";
import { useState } from "react";
import { MailWarning } from "lucide-react";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

/** Non-blocking: shown on every dashboard page until the sign-up email is confirmed; resends the link. */
export function VerifyEmailBanner({ email, t }: { email: string; t: AccountMessages["lifecycle"] }) {
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="status" data-testid="verify-email-banner" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm text-amber-200">
      <MailWarning className="size-5 shrink-0" aria-hidden />
      <p className="min-w-0 flex-1 break-words">{format(t.verifyBanner, { email: `\u2068${email}\u2069` /* isolated: keeps its own direction inside Arabic text */ })}</p>
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
