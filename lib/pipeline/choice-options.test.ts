import { describe, expect, it } from "vitest";
import { choiceToken, parseChoiceToken, planChoice, type OfferedProduct } from "./choice-options";

const p = (sku: string, over: Partial<OfferedProduct> = {}): OfferedProduct => ({ sku, name: sku, group: null, color: null, size: null, priceMinor: 1000, available: 2, ...over });

describe("the question for products the bot could not choose between", () => {
  it("asks for the size when only sizes differ, names the sold-out ones, and points each tap at the stored position", () => {
    const plan = planChoice({
      commentId: "c1",
      offered: ["CAM-AZU-S", "CAM-AZU-M", "CAM-AZU-L"],
      products: [
        p("CAM-AZU-L", { name: "Camisa Azul L", group: "Camisa", color: "Azul", size: "L" }),
        p("CAM-AZU-S", { name: "Camisa Azul S", group: "Camisa", color: "Azul", size: "S" }),
        p("CAM-AZU-M", { name: "Camisa Azul M", group: "Camisa", color: "Azul", size: "M", available: 0 }),
      ],
    });
    expect(plan).toEqual({ kind: "size", product: "Camisa Azul", options: [{ title: "S", token: "c1_0" }, { title: "L", token: "c1_2" }], soldOut: ["M"] });
  });

  it("asks for the colour when only colours differ, and by name across products or for 'which product?'", () => {
    const colours = planChoice({ commentId: "c", offered: ["W", "B"], products: [p("W", { group: "Linen Shirt", color: "White" }), p("B", { group: "Linen Shirt", color: "Black" })] });
    expect(colours).toMatchObject({ kind: "color", product: "Linen Shirt", options: [{ title: "White" }, { title: "Black" }] });
    const mixed = planChoice({ commentId: "c", offered: ["T", "D"], products: [p("T", { name: "Classic Tote Bag" }), p("D", { name: "Mini Tote Bag" })] });
    expect(mixed).toMatchObject({ kind: "option", options: [{ title: "Classic Tote Bag" }, { title: "Mini Tote Bag" }] });
    const which = planChoice({ commentId: "c", offered: ["W", "B"], products: [p("W", { name: "Linen Shirt White", group: "Linen Shirt", color: "White" }), p("B", { name: "Linen Shirt Black", group: "Linen Shirt", color: "Black" })], byName: true });
    expect(which.options.map((o) => o.title)).toEqual(["Linen Shirt White", "Linen Shirt Black"]);
  });

  it("leaves out products no longer in the catalog, keeping the positions of the rest", () => {
    const plan = planChoice({ commentId: "c", offered: ["GONE", "A"], products: [p("A")] });
    expect(plan.options).toEqual([{ title: "A", token: "c_1" }]);
  });

  it("round-trips tokens and refuses malformed ones", () => {
    expect(parseChoiceToken(choiceToken("cm1abc", 3))).toEqual({ commentId: "cm1abc", position: 3 });
    expect(parseChoiceToken("nope")).toBeNull();
    expect(parseChoiceToken("c_123")).toBeNull();
  });
});
