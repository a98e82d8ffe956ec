import * as React from "react";
import { cn } from "@/lib/utils";

export function Alert({ className, tone = "info", ...props }: React.HTMLAttributes<HTMLDivElement> & { tone?: "info" | "error" | "success" | "warning" }) {
  const tones = {
    info: "border-primary/40 bg-primary/10",
    error: "border-destructive/50 bg-destructive/10 text-rose-200",
    success: "border-success/40 bg-success/10 text-lime-200",
    warning: "border-warning/40 bg-warning/10 text-amber-200",
  };
  return <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border p-3 text-sm", tones[tone], className)} {...props} />;
}
