"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

/** Delete my account: password + a confirmation; a store's only owner is told to hand the store over first. */
export function DeleteAccountForm({ t }: { t: AccountMessages["lifecycle"] }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form id="delete-account" className="flex flex-col gap-2 rounded-lg border border-destructive/40 p-4" noValidate data-testid="delete-account" onSubmit={async (e) => {
      e.preventDefault();
      const password = String(new FormData(e.currentTarget).get("delete_password") ?? "");
      if (!window.confirm(t.deleteConfirm)) return;
      setBusy(true);
      setError(null);
      try {
        await api("/api/v1/auth/account", { method: "DELETE", json: { password } });
        await signOut({ callbackUrl: "/login" });
      } catch (err) {
        if (err instanceof ApiError && err.code === "sole_owner") {
          const stores = (err.details as { store_name?: string }[] | undefined)?.map((d) => d.store_name).filter(Boolean).join(", ") ?? "";
          setError(format(t.soleOwner, { stores }));
        } else setError(err instanceof ApiError ? (err.fieldErrors().password ?? err.message) : String(err));
        setBusy(false);
      }
    }}>
      <h2 className="font-semibold">{t.deleteTitle}</h2>
      <p className="text-sm text-muted-foreground">{t.deleteBody}</p>
      {error && <Alert tone="error" data-testid="delete-account-error">{error}</Alert>}
      <Label htmlFor="delete_password">{t.deletePassword}</Label>
      <Input id="delete_password" name="delete_password" type="password" autoComplete="current-password" className="max-w-sm" />
      <Button type="submit" variant="destructive" className="self-start" disabled={busy}>{t.deleteSubmit}</Button>
    </form>
  );
}
