"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { api } from "@/components/dashboard/api-client";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

/** Accept (joins, and the store becomes the current one) or "not now" (the link keeps working until it expires). */
export function InviteActions({ storeId, token, t }: { storeId: string; token: string; t: Messages["invite"] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [navigating, startNavigation] = useTransition();
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/stores/${storeId}/members/accept`, { method: "POST", json: { token } });
      startNavigation(() => {
        router.push("/dashboard");
        router.refresh();
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const working = busy || navigating;
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={working} onClick={accept}>{t.accept}</Button>
        <Button type="button" variant="ghost" disabled={working} onClick={() => startNavigation(() => router.push("/dashboard"))}>{t.decline}</Button>
      </div>
    </div>
  );
}
