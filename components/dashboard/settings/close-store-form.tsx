"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

/** Settings → Close the store (OWNER): typing the store's exact name closes it for good (POST /api/v1/stores/{id}/close). */
export function CloseStoreForm({ storeId, storeName, t }: { storeId: string; storeName: string; t: AccountMessages["storeLifecycle"] }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      data-testid="close-store-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await api(`/api/v1/stores/${storeId}/close`, { method: "POST", json: { confirm } });
          toast({ title: t.closed, tone: "success" });
          router.push("/dashboard/settings/security#delete-account");
          router.refresh();
        } catch (err) {
          setError(err instanceof ApiError ? (err.fieldErrors().confirm ?? err.message) : (err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field id="close_store_confirm" label={format(t.closeConfirm, { name: storeName })} error={error} className="sm:max-w-md">
        <Input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Button type="submit" variant="destructive" className="self-start" disabled={busy || confirm.trim() === ""}>{busy ? t.closing : t.closeButton}</Button>
    </form>
  );
}
