import Link from "next/link";
import { Check } from "lucide-react";
import { cn } from "@/lib/utils";
import { format } from "@/lib/i18n";
import { ONBOARDING_STEPS, type OnboardingStep } from "@/lib/onboarding/steps";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

/** Where the seller is in the wizard; completed steps can be revisited. */
export function Stepper({ current, completed, t }: { current: OnboardingStep | "finished"; completed: number; t: Messages["onboarding"] }) {
  return (
    <nav aria-label={t.progress}>
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {ONBOARDING_STEPS.map((step, i) => {
          const isCurrent = step === current;
          const done = i < completed;
          const reachable = i <= completed;
          const body = (
            <>
              <span className={cn("flex size-6 shrink-0 items-center justify-center rounded-full border text-xs", done ? "border-success bg-success text-success-foreground" : isCurrent ? "border-primary bg-primary text-primary-foreground" : "border-border text-muted-foreground")}>
                {done ? <Check className="size-3.5" aria-hidden /> : i + 1}
              </span>
              <span className="min-w-0">
                <span className="block text-xs text-muted-foreground">{format(t.stepOf, { n: i + 1, total: ONBOARDING_STEPS.length })}</span>
                <span className="block truncate text-sm font-medium">{t.steps[step]}</span>
                {done && <span className="sr-only">({t.done})</span>}
              </span>
            </>
          );
          const cls = cn("flex items-center gap-2 rounded-lg border p-2", isCurrent ? "border-primary/60 bg-primary/10" : "border-border");
          return (
            <li key={step}>
              {reachable && !isCurrent ? (
                <Link href={`/dashboard/onboarding?step=${step}`} className={cn(cls, "hover:bg-muted")}>{body}</Link>
              ) : (
                <div className={cls} aria-current={isCurrent ? "step" : undefined}>{body}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
