import * as React from "react";
import { cn } from "@/lib/utils";

/** One number with its label, for KPI rows. */
export function Stat({ label, value, hint, tone, className, ...props }: { label: React.ReactNode; value: React.ReactNode; hint?: React.ReactNode; tone?: "success" | "warning" | "destructive" } & React.HTMLAttributes<HTMLDivElement>) {
  const tones = { success: "text-success", warning: "text-warning", destructive: "text-rose-300" };
  return (
    <div className={cn("flex min-w-0 flex-col gap-1 rounded-lg border border-border bg-card p-4", className)} {...props}>
      <dt className="truncate text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className={cn("text-2xl font-semibold tabular-nums", tone && tones[tone])}>{value}</dd>
      {hint && <dd className="text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}
