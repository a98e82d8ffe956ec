export const ONBOARDING_STEPS = ["profile", "page", "payments", "catalog"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/**
 * Store.onboardingStep counts completed steps: creating the store completes the business profile (1),
 * and the wizard is finished at 4. The wizard resumes at the first step not yet completed.
 */
export function onboardingState(completed: number) {
  const done = Math.max(0, Math.min(ONBOARDING_STEPS.length, completed));
  return { done, total: ONBOARDING_STEPS.length, finished: done >= ONBOARDING_STEPS.length, next: ONBOARDING_STEPS[Math.min(done, ONBOARDING_STEPS.length - 1)]! };
}

/** The step to show: the requested one if it is already reachable, else the first one not completed. */
export function stepToShow({ completed, requested }: { completed: number; requested?: string | null }): OnboardingStep {
  const { done } = onboardingState(completed);
  const index = ONBOARDING_STEPS.indexOf(requested as OnboardingStep);
  if (index >= 0 && index <= done) return ONBOARDING_STEPS[index]!;
  return ONBOARDING_STEPS[Math.min(done, ONBOARDING_STEPS.length - 1)]!;
}
