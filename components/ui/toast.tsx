"use client";
import { Toast as ToastPrimitive } from "radix-ui";
import { create } from "zustand";
import { cn } from "@/lib/utils";

type ToastItem = { id: number; title: string; description?: string; tone: "info" | "success" | "error" };
type ToastState = { items: ToastItem[]; push(t: Omit<ToastItem, "id">): void; dismiss(id: number): void };

let seq = 0;
const useToasts = create<ToastState>()((set) => ({
  items: [],
  push: (t) => set((s) => ({ items: [...s.items.slice(-3), { ...t, id: ++seq }] })),
  dismiss: (id) => set((s) => ({ items: s.items.filter((i) => i.id !== id) })),
}));

/** Shows a short, non-blocking message (announced politely to screen readers). */
export function toast(t: Omit<ToastItem, "id" | "tone"> & { tone?: ToastItem["tone"] }) {
  useToasts.getState().push({ tone: "info", ...t });
}

const tones = { info: "border-primary/40", success: "border-success/50", error: "border-destructive/60" };

export function Toaster({ closeLabel = "Close" }: { closeLabel?: string }) {
  const { items, dismiss } = useToasts();
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
      {items.map((t) => (
        <ToastPrimitive.Root
          key={t.id}
          type={t.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => !open && dismiss(t.id)}
          className={cn("flex items-start justify-between gap-3 rounded-lg border bg-card p-4 text-sm shadow-lg data-[state=open]:animate-in data-[state=open]:slide-in-from-bottom-2", tones[t.tone])}
        >
          <div className="flex flex-col gap-1">
            <ToastPrimitive.Title className="font-medium">{t.title}</ToastPrimitive.Title>
            {t.description && <ToastPrimitive.Description className="text-muted-foreground">{t.description}</ToastPrimitive.Description>}
          </div>
          <ToastPrimitive.Close className="rounded px-1 text-muted-foreground hover:text-foreground" aria-label={closeLabel}>×</ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed bottom-4 end-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none" />
    </ToastPrimitive.Provider>
  );
}
