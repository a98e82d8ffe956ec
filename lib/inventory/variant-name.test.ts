import { describe, expect, test } from "vitest";
import { baseNameOf, variantName, variantNameForSave } from "./variant-name";

describe("variant names: adding colour and size never appends them twice", () => {
  test("editing a variant and saving it unchanged gives back the same name", () => {
    for (const p of [
      { name: "Polera Roja M", color: "Roja", size: "M" },
      { name: "Polera roja M", color: "rojo", size: "M" }, // the CSV and the colour column disagree on gender
      { name: "Bolsa preta", color: "preto", size: null },
      { name: "Zapatillas blancas 38", color: "Blanco", size: "38" },
      { name: "Vestido Azul Marino XL", color: "azul marino", size: "XL" },
      { name: "Jeans M Celeste", color: "celeste", size: "M" }, // size before colour
      { name: "Gorro", color: null, size: null },
    ]) {
      const base = baseNameOf(p);
      expect(variantNameForSave({ saved: p, base, color: p.color ?? "", size: p.size ?? "" })).toBe(p.name);
    }
  });

  test("a colour and size composed by the editor are stripped and composed back to the same name", () => {
    for (const p of [
      { name: "Polera Roja M", color: "Roja", size: "M" },
      { name: "Zapatillas blanco 38", color: "blanco", size: "38" },
      { name: "Vestido azul marino XL", color: "azul marino", size: "XL" },
    ]) expect(variantName({ base: baseNameOf(p), color: p.color, size: p.size })).toBe(p.name);
  });

  test("changing the colour of a saved variant replaces it instead of appending", () => {
    const saved = { name: "Polera roja M", color: "rojo", size: "M" };
    expect(variantNameForSave({ saved, base: baseNameOf(saved), color: "Azul", size: "M" })).toBe("Polera Azul M");
    expect(variantNameForSave({ saved, base: "Polera básica", color: "rojo", size: "M" })).toBe("Polera básica rojo M");
  });

  test("adding colour and size to a product that had none appends them once, and saving again keeps it", () => {
    const first = variantNameForSave({ saved: { name: "Polera", color: null, size: null }, base: "Polera", color: "Roja", size: "M" });
    expect(first).toBe("Polera Roja M");
    const saved = { name: first, color: "Roja", size: "M" };
    expect(baseNameOf(saved)).toBe("Polera");
    expect(variantNameForSave({ saved, base: baseNameOf(saved), color: "Roja", size: "M" })).toBe("Polera Roja M");
  });

  test("the editor shows the article's name without the variant's colour and size", () => {
    expect(baseNameOf({ name: "Polera Roja M", color: "Roja", size: "M" })).toBe("Polera");
    expect(baseNameOf({ name: "Polera roja M", color: "rojo", size: "M" })).toBe("Polera");
    expect(baseNameOf({ name: "Camiseta Básica azul", color: "Azul", size: null })).toBe("Camiseta Básica");
  });

  test("a colour or size the article's name already says is not added again", () => {
    expect(variantName({ base: "Polera Roja", color: "roja", size: "M" })).toBe("Polera Roja M");
    expect(variantName({ base: "Bolsa negra", color: "Negro", size: null })).toBe("Bolsa negra");
    expect(variantName({ base: "Polera M", color: "Roja", size: "m" })).toBe("Polera M Roja");
  });

  test("a new colour and size are added once", () => {
    expect(variantName({ base: "Polera", color: "Verde", size: "S" })).toBe("Polera Verde S");
    expect(variantName({ base: " Polera  básica ", color: "", size: null })).toBe("Polera básica");
  });

  test("a name that is only the colour is not emptied", () => {
    expect(baseNameOf({ name: "Roja", color: "Roja", size: null })).toBe("Roja");
  });
});
