"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { api } from "@/components/dashboard/api-client";
import type { Messages } from "@/lib/i18n/messages/en";

/** Accept (joins and switches to the store) or decline (forgets the link in this browser). */
export function InviteActions({ storeId, t }: { storeId: string; t: Messages["invite"] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (method: "POST" | "DELETE") => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/stores/${storeId}/members/accept`, { method });
      router.push("/dashboard");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button type="button" disabled={busy} onClick={() => run("POST")}>{t.accept}</Button>
        <Button type="button" variant="ghost" disabled={busy} onClick={() => run("DELETE")}>{t.decline}</Button>
      </div>
    </div>
  );
}
