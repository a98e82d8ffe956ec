import { describe, expect, test } from "vitest";
import { cleanOverrides, messageTextDefaults, unknownPlaceholders } from "@/lib/settings/message-texts";
import { onboardingState, stepToShow } from "@/lib/onboarding/steps";

describe("message text settings", () => {
  test("defaults exist for every language and tone, and placeholders are the built-in ones", () => {
    const d = messageTextDefaults();
    expect(d.defaults.es!.friendly!.publicReply).toContain("{name}");
    expect(d.defaults.ar!.formal!.checkoutIntro.length).toBeGreaterThan(5);
    expect(d.allowed.checkoutIntro).toEqual(expect.arrayContaining(["name", "store"]));
    expect(d.allowed.publicReply).not.toContain("url");
  });

  test("an override may not pull in placeholders the text does not offer (no link or price in a public reply)", () => {
    const { allowed } = messageTextDefaults();
    expect(unknownPlaceholders("¡Gracias {name}!", allowed.publicReply)).toEqual([]);
    expect(unknownPlaceholders("Paga aquí {url} por {total}", allowed.publicReply)).toEqual(["url", "total"]);
  });

  test("empty boxes mean 'use the default' and unknown keys are dropped", () => {
    expect(cleanOverrides({ es: { publicReply: "  Listo {name} ", checkoutIntro: "  ", payButton: "x" }, pt: { reminder: "" } })).toEqual({ es: { publicReply: "Listo {name}" } });
  });
});

describe("onboarding steps", () => {
  test("the wizard resumes at the first step not completed and never skips ahead", () => {
    expect(stepToShow({ completed: 0, requested: null })).toBe("profile");
    expect(stepToShow({ completed: 1, requested: null })).toBe("page");
    expect(stepToShow({ completed: 1, requested: "catalog" })).toBe("page");
    expect(stepToShow({ completed: 3, requested: "page" })).toBe("page");
    expect(stepToShow({ completed: 4, requested: null })).toBe("catalog");
    expect(onboardingState(4)).toMatchObject({ finished: true, done: 4 });
    expect(onboardingState(2)).toMatchObject({ finished: false, next: "payments" });
  });
});
