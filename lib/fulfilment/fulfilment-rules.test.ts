import { describe, expect, test } from "vitest";
import { addressKeyOf, normalizeAddress, zonesServe } from "./address";
import { carriersFor, resolveCarrier, trackingUrlFor } from "./carriers";
import { brazilStateOfCep } from "./countries";
import { normalizePhone, phoneExampleFor } from "./normalize-phone";

describe("normalizePhone", () => {
  test.each([
    ["+56 9 8765 4321", "CL", "+56987654321"],
    ["9 8765 4321", "CL", "+56987654321"],
    ["56987654321", "CL", "+56987654321"],
    ["0056 9 8765 4321", "CL", "+56987654321"],
    ["(55) 1234-5678", "MX", "+525512345678"],
    ["+52 1 55 1234 5678", "MX", "+525512345678"],
    ["+55 11 91234-5678", "BR", "+5511912345678"],
    ["+54 9 11 1234 5678", "AR", "+5491112345678"],
    ["+56 9 8765 4321", "AR", "+56987654321"],
    // As buyers write them at home: Argentine mobiles with "15", old Mexican "044", Brazilian trunk "0".
    ["011 15-1234-5678", "AR", "+5491112345678"],
    ["351 15 123 4567", "AR", "+5493511234567"],
    ["044 55 1234 5678", "MX", "+525512345678"],
    ["011 91234-5678", "BR", "+5511912345678"],
    ["(11) 91234-5678", "BR", "+5511912345678"],
    ["300 123 4567", "CO", "+573001234567"],
    ["987 654 321", "PE", "+51987654321"],
    // Countries without rules of their own go through libphonenumber: never "+612345678" for a French mobile.
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["0612345678", "MA", "+212612345678"],
    ["347 123 4567", "IT", "+393471234567"],
    ["050 123 4567", "SA", "+966501234567"],
    ["+44 7911 123456", "CL", "+447911123456"],
  ])("%s in %s → %s", (phone, country, e164) => expect(normalizePhone({ phone, country })).toEqual({ ok: true, e164 }));

  test("the example shown to the buyer is a whole number of the store's country, and passes itself", () => {
    for (const country of ["CL", "MX", "BR", "AR", "MA", "FR", "SA", "GB"]) {
      const example = phoneExampleFor(country);
      expect(example, country).toMatch(/^\+\d[\d ]{7,}\d$/);
      expect(normalizePhone({ phone: example, country }).ok, country).toBe(true);
    }
  });

  test.each([["12345", "CL"], ["+56 9 123", "CL"], ["hola", "CL"], ["55 1234", "MX"], ["+55 11 1234", "BR"], ["06 12 34", "FR"], ["+44 1234", "CL"]])("%s in %s is refused with an example", (phone, country) => {
    const r = normalizePhone({ phone, country });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.params.example).toMatch(/^\+\d/);
  });
});

describe("carriers", () => {
  test("codes and names in any case resolve; anything else is 'other' with the typed name", () => {
    expect(resolveCarrier("CHILEXPRESS")).toEqual({ code: "chilexpress", name: "Chilexpress" });
    expect(resolveCarrier("blue express")).toEqual({ code: "blueexpress", name: "Blue Express" });
    expect(resolveCarrier("Correo Argentino")).toEqual({ code: "correoargentino", name: "Correo Argentino" });
    expect(resolveCarrier("Mensajería Pepe")).toEqual({ code: "other", name: "Mensajería Pepe" });
    expect(resolveCarrier("other")).toEqual({ code: "other", name: "Other" });
  });
  test("tracking URLs come from the template with the number encoded; 'other' has none", () => {
    expect(trackingUrlFor({ carrier: "correios", trackingNumber: "AA123456789BR" })).toBe("https://rastreamento.correios.com.br/app/index.php?objeto=AA123456789BR");
    expect(trackingUrlFor({ carrier: "starken", trackingNumber: "a b&c" })).toBe("https://www.starken.cl/seguimiento?codigo=a%20b%26c");
    expect(trackingUrlFor({ carrier: "other", trackingNumber: "1" })).toBeNull();
  });
  test("a store's own carriers come first", () => {
    expect(carriersFor("AR").slice(0, 3).map((c) => c.code)).toEqual(["andreani", "oca", "correoargentino"]);
    expect(carriersFor("CL").at(-1)!.code).toBe("other");
  });
});

describe("addresses and zones", () => {
  const home = normalizeAddress({ line1: "Av. Italia 1500", city: "Ñuñoa", region: "Metropolitana", postal_code: "7750000" }, "CL").address;
  test("zones match communes or regions without accents or case, or postal prefixes; empty zones serve the whole country", () => {
    expect(zonesServe(["nunoa"], home, "CL")).toBe(true);
    expect(zonesServe(["METROPOLITANA"], home, "CL")).toBe(true);
    expect(zonesServe(["775"], home, "CL")).toBe(true);
    expect(zonesServe(["Maipú", "76"], home, "CL")).toBe(false);
    expect(zonesServe([], home, "CL")).toBe(true);
    expect(zonesServe([], { ...home, country: "AR" }, "CL")).toBe(false);
  });
  test("a region matches however the seller's zone and the buyer's address name it", () => {
    const rm = (region: string) => normalizeAddress({ line1: "Av. Italia 1500", city: "Ñuñoa", region, postal_code: "7750000" }, "CL").address;
    for (const zone of ["RM", "Región Metropolitana", "Metropolitana de Santiago", "metropolitana"]) {
      for (const region of ["RM", "Región Metropolitana", "Metropolitana de Santiago", "Región Metropolitana de Santiago"]) expect(zonesServe([zone], rm(region), "CL"), `${zone} / ${region}`).toBe(true);
    }
    expect(zonesServe(["Valparaíso"], rm("RM"), "CL")).toBe(false);
    expect(zonesServe(["Santiago"], rm("RM"), "CL")).toBe(false); // a commune too: not read as the whole region
    const mx = normalizeAddress({ line1: "Av. Reforma 222", city: "Cuauhtémoc", region: "Ciudad de México", postal_code: "06600" }, "MX").address;
    expect(zonesServe(["CDMX"], mx, "MX")).toBe(true);
    expect(zonesServe(["Edomex"], mx, "MX")).toBe(false);
    const caba = normalizeAddress({ line1: "Av. Corrientes 1234", city: "Buenos Aires", region: "CABA", postal_code: "C1043AAZ" }, "AR").address;
    expect(zonesServe(["Capital Federal"], caba, "AR")).toBe(true);
    const sp = normalizeAddress({ line1: "Av. Paulista 1000", city: "São Paulo", region: "São Paulo", postal_code: "01310-100" }, "BR").address;
    expect(zonesServe(["SP"], sp, "BR")).toBe(true);
    expect(zonesServe(["RJ"], sp, "BR")).toBe(false);
    expect(addressKeyOf(rm("RM"))).toBe(addressKeyOf(rm("Región Metropolitana de Santiago")));
  });

  test("the same address typed differently has the same key", () => {
    const again = normalizeAddress({ line1: "AV.  ITALIA 1500", city: "nuñoa", region: "metropolitana", postal_code: "775 0000" }, "CL").address;
    expect(addressKeyOf(again)).toBe(addressKeyOf(home));
  });
  test("postal codes follow the country's shape; a Brazilian CEP names its state offline", () => {
    expect(normalizeAddress({ line1: "x", city: "y", region: "z" }, "MX").issues[0]).toMatchObject({ field: "address.postal_code", code: "required" });
    expect(normalizeAddress({ line1: "x", city: "y", region: "z", postal_code: "C1425ABC" }, "AR").issues).toEqual([]);
    expect(brazilStateOfCep("01310-100")).toBe("SP");
    expect(brazilStateOfCep("20040-002")).toBe("RJ");
    expect(brazilStateOfCep("90010-000")).toBe("RS");
    expect(brazilStateOfCep("123")).toBeNull();
  });
});
