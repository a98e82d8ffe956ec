import * as React from "react";
import { cn } from "@/lib/utils";
import { Label } from "./input";

/** A labelled form control with its hint and error, wired with aria-describedby for screen readers. */
export function Field({ id, label, hint, error, className, children }: { id: string; label: React.ReactNode; hint?: React.ReactNode; error?: string | null; className?: string; children: React.ReactElement<{ id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }> }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      <Label htmlFor={id}>{label}</Label>
      {React.cloneElement(children, { id, "aria-invalid": Boolean(error) || undefined, "aria-describedby": describedBy })}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-muted-foreground">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-xs text-rose-300">{error}</p>}
    </div>
  );
}
