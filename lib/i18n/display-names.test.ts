import { describe, expect, test } from "vitest";
import { countryName, languageName, timeZoneLabel, timeZoneOptions } from "./display-names";

const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");
const winter = new Date("2026-07-15T12:00:00Z");

describe("country names follow the reader's language", () => {
  test("Chile, Brazil and the Emirates in Spanish, Portuguese, English and Arabic", () => {
    expect(countryName("CL", "es")).toBe("Chile");
    expect(countryName("BR", "es")).toBe("Brasil");
    expect(countryName("AE", "en")).toBe("United Arab Emirates");
    expect(countryName("CL", "ar")).toBe("تشيلي");
    expect(countryName("US", "pt")).toBe("Estados Unidos");
  });
});

describe("store languages follow the reader's language", () => {
  test("es-CL reads as Spanish (Chile) in each dashboard language", () => {
    expect(languageName("es-CL", "pt")).toBe("Espanhol (Chile)");
    expect(languageName("es-CL", "en")).toBe("Spanish (Chile)");
    expect(languageName("pt-BR", "es")).toBe("Portugués (Brasil)");
    expect(languageName("ar", "ar")).toBe("العربية");
  });
});

describe("time-zone names follow the reader's language", () => {
  test("the localized generic name, with the city to tell zones apart", () => {
    expect(plain(timeZoneLabel("America/Santiago", "es", winter))).toBe("hora de Chile (Santiago)");
    expect(plain(timeZoneLabel("America/Sao_Paulo", "pt", winter))).toMatch(/^Horário .*Brasília \(Sao Paulo\)$/);
    expect(plain(timeZoneLabel("Europe/Madrid", "en", winter))).toBe("Central European Time (Madrid)");
    expect(plain(timeZoneLabel("America/Santiago", "ar", winter))).toBe("توقيت تشيلي (Santiago)");
  });

  test("the Latin city is isolated inside an Arabic label so the parentheses stay in place", () => {
    expect(timeZoneLabel("America/Santiago", "ar", winter)).toContain("(\u2068Santiago\u2069)");
  });

  test("an unknown zone is shown as given instead of throwing", () => {
    expect(timeZoneLabel("Mars/Olympus_Mons", "es")).toBe("Mars/Olympus Mons");
  });

  test("options are sorted by their localized label", () => {
    const labels = timeZoneOptions(["Europe/Madrid", "America/Santiago", "Asia/Dubai"], "en", winter).map((o) => plain(o.label));
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
  });
});
