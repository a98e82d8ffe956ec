"use client";
import { useState } from "react";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
import type { LccText } from "./types";

/** Development only: post a comment as a fake buyer through the real signed webhook. */
export function SimulatorPanel({ liveId, t }: { liveId: string; t: LccText }) {
  const [author, setAuthor] = useState("Carla");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-3 p-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const text = String(new FormData(form).get("sim_text") ?? "").trim();
        if (!text) return;
        setBusy(true);
        try {
          await api("/api/dev/simulator/comment", { method: "POST", json: { live_id: liveId, author_name: author, text } });
          (form.elements.namedItem("sim_text") as HTMLInputElement).value = "";
          toast({ title: t.live.simPosted, tone: "success" });
        } catch (err) {
          toast({ title: (err as Error).message, tone: "error" });
        } finally {
          setBusy(false);
        }
      }}
    >
      <p className="text-sm text-muted-foreground">{t.live.simulatorHelp}</p>
      <Field id="sim_author" label={t.live.simAuthor}><Input value={author} onChange={(e) => setAuthor(e.target.value)} maxLength={80} /></Field>
      <Field id="sim_text" label={t.live.simText}><Input name="sim_text" maxLength={2000} /></Field>
      <Button type="submit" disabled={busy} className="self-start"><Send aria-hidden /> {t.live.simPost}</Button>
    </form>
  );
}
