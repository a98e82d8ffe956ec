"use client";
import { useState } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

/**
 * The emailed link's page: the token is spent only when the person presses Confirm (a mail scanner that
 * opens the link spends nothing).
 */
export function ConfirmEmailForm({ token, t }: { token: string; t: AccountMessages["lifecycle"] }) {
  const [state, setState] = useState<{ kind: "idle" | "busy" | "invalid" } | { kind: "done"; purpose: string; email: string }>({ kind: "idle" });
  if (state.kind === "done") {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="success" data-testid="email-confirmed">{format(state.purpose === "change_email" ? t.changed : t.verified, { email: state.email })}</Alert>
        <Link href="/dashboard" className="text-sm text-blue-300 underline-offset-4 hover:underline">{t.toDashboard}</Link>
      </div>
    );
  }
  return (
    <form className="flex flex-col gap-3" onSubmit={async (e) => {
      e.preventDefault();
      setState({ kind: "busy" });
      const res = await fetch("/api/v1/auth/email/verify", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
      if (!res.ok) return setState({ kind: "invalid" });
      const body = (await res.json()) as { purpose: string; email: string };
      setState({ kind: "done", purpose: body.purpose, email: body.email });
    }}>
      <p className="text-sm text-muted-foreground">{t.verifyBody}</p>
      {state.kind === "invalid" && <Alert tone="error" data-testid="email-link-invalid">{t.invalidLink}</Alert>}
      <Button type="submit" disabled={state.kind === "busy"} className="self-start">{state.kind === "busy" ? t.verifying : t.verifySubmit}</Button>
    </form>
  );
}
