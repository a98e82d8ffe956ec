"use client";
import { useState } from "react";

/** Copies one bank detail; announces "Copied" politely to screen readers. */
export function CopyButton({ value, label, copiedLabel, fieldName }: { value: string; label: string; copiedLabel: string; fieldName: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="inline-flex h-9 min-w-16 items-center justify-center rounded-md border border-border px-3 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
      aria-label={`${label}: ${fieldName}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
        } catch {
          // Clipboard refused (insecure context or permissions): the value stays selectable on screen.
          return;
        }
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </button>
  );
}
