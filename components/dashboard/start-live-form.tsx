"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Radio } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

/** Registers the Facebook live about to start and opens its Control Center. */
export function StartLiveForm({ storeId, t, suggestVideoId }: { storeId: string; t: Messages["live"]; suggestVideoId: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [videoId] = useState(() => (suggestVideoId ? `sim${Date.now()}` : ""));

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const postId = String(form.get("fb_post_id") ?? "").trim();
      const live = await api<{ id: string }>("/api/v1/lives", {
        method: "POST",
        json: { store_id: storeId, title: String(form.get("title") ?? ""), fb_video_id: String(form.get("fb_video_id") ?? "").trim(), ...(postId && { fb_post_id: postId }) },
      });
      router.push(`/dashboard/live/${live.id}`);
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="title" label={t.liveTitle} error={errors.title}>
        <Input name="title" required maxLength={200} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="fb_video_id" label={t.videoId} hint={t.videoIdHelp} error={errors.fb_video_id}>
          <Input name="fb_video_id" defaultValue={videoId} required />
        </Field>
        <Field id="fb_post_id" label={t.postId} error={errors.fb_post_id}>
          <Input name="fb_post_id" />
        </Field>
      </div>
      <Button type="submit" disabled={busy} className="self-start"><Radio aria-hidden /> {t.create}</Button>
    </form>
  );
}
