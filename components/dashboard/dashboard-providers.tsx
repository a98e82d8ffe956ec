"use client";
import { createContext, useContext } from "react";
import { Direction } from "radix-ui";
import { Toaster } from "@/components/ui/toast";

const UiLocale = createContext("es");

/** The dashboard's language, for client components: plural rules and number formats (`format(t.x, vars, locale)`). */
export function useUiLocale() {
  return useContext(UiLocale);
}

/** Language and direction for Radix widgets (arrow keys mirror in Arabic) and the toast outlet of the dashboard. */
export function DashboardProviders({ dir, locale, closeLabel, children }: { dir: "ltr" | "rtl"; locale: string; closeLabel: string; children: React.ReactNode }) {
  return (
    <UiLocale.Provider value={locale}>
      <Direction.Provider dir={dir}>
        {children}
        <Toaster closeLabel={closeLabel} />
      </Direction.Provider>
    </UiLocale.Provider>
  );
}
