"use client";
import { Direction } from "radix-ui";
import { Toaster } from "@/components/ui/toast";

/** Direction for Radix widgets (arrow keys mirror in Arabic) and the toast outlet of the dashboard. */
export function DashboardProviders({ dir, closeLabel, children }: { dir: "ltr" | "rtl"; closeLabel: string; children: React.ReactNode }) {
  return (
    <Direction.Provider dir={dir}>
      {children}
      <Toaster closeLabel={closeLabel} />
    </Direction.Provider>
  );
}
