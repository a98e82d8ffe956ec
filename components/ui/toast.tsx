"use client";
import { useEffect } from "react";
import { Toast as ToastPrimitive } from "radix-ui";
import { create } from "zustand";
import { cn } from "@/lib/utils";

type ToastItem = { id: number; title: string; description?: string; tone: "info" | "success" | "error" };
/** Where toasts appear: bottom-end by default; "top" for screens whose bottom holds what the user is working on. */
export type ToastPlacement = "bottom" | "top";
type ToastState = { items: ToastItem[]; placement: ToastPlacement; push(t: Omit<ToastItem, "id">): void; dismiss(id: number): void };

let seq = 0;
const useToasts = create<ToastState>()((set) => ({
  items: [],
  placement: "bottom",
  push: (t) => set((s) => ({ items: [...s.items.slice(-3), { ...t, id: ++seq }] })),
  dismiss: (id) => set((s) => ({ items: s.items.filter((i) => i.id !== id) })),
}));

/** A screen that needs its bottom edge (a message box, a live feed's newest rows) moves toasts while it is shown. */
export function useToastPlacement(placement: ToastPlacement) {
  useEffect(() => {
    useToasts.setState({ placement });
    return () => useToasts.setState({ placement: "bottom" });
  }, [placement]);
}

const placements: Record<ToastPlacement, string> = {
  bottom: "bottom-4 end-4 w-[min(24rem,calc(100vw-2rem))]",
  // Below the phone's sticky top bar (57 px), centred; on wider screens in the top corner, where page
  // headers leave room. Never over the bottom of the page, where message boxes and feeds end.
  top: "top-[4.25rem] inset-x-4 mx-auto w-auto max-w-[24rem] md:top-4 md:inset-x-auto md:end-4 md:w-[min(24rem,calc(100vw-2rem))]",
};

/** Shows a short, non-blocking message (announced politely to screen readers). */
export function toast(t: Omit<ToastItem, "id" | "tone"> & { tone?: ToastItem["tone"] }) {
  useToasts.getState().push({ tone: "info", ...t });
}

const tones = { info: "border-primary/40", success: "border-success/50", error: "border-destructive/60" };

export function Toaster({ closeLabel = "Close" }: { closeLabel?: string }) {
  const { items, dismiss, placement } = useToasts();
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
            {/* dir="auto": a message in another script than the page (a server error in English on an Arabic page) keeps its punctuation in place. */}
            <ToastPrimitive.Title className="font-medium" dir="auto">{t.title}</ToastPrimitive.Title>
            {t.description && <ToastPrimitive.Description className="text-muted-foreground" dir="auto">{t.description}</ToastPrimitive.Description>}
          </div>
          <ToastPrimitive.Close className="rounded px-1 text-muted-foreground hover:text-foreground" aria-label={closeLabel}>×</ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className={cn("fixed z-[60] flex flex-col gap-2 outline-none", placements[placement])} data-placement={placement} />
    </ToastPrimitive.Provider>
  );
}
