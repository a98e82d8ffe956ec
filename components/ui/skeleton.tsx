import { cn } from "@/lib/utils";

/** A placeholder block while content loads (decorative: the region around it carries the "loading" label). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-muted", className)} />;
}
