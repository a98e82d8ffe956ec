import { describe, expect, test } from "vitest";
import { landingPath } from "./landing-path";

describe("landingPath", () => {
  test("a superadmin lands on the admin panel, a seller on the dashboard", () => {
    expect(landingPath({ platformRole: "SUPERADMIN" })).toBe("/admin");
    expect(landingPath({ platformRole: "USER" })).toBe("/dashboard");
  });

  test("the page that asked for sign-in wins when it is on this site", () => {
    expect(landingPath({ platformRole: "USER", callbackUrl: "/dashboard/orders?status=paid" })).toBe("/dashboard/orders?status=paid");
    expect(landingPath({ platformRole: "SUPERADMIN", callbackUrl: "/admin" })).toBe("/admin");
  });

  test("a callback to another site is ignored (no open redirect)", () => {
    for (const callbackUrl of ["https://evil.test/x", "//evil.test", "/\\evil.test", "javascript:alert(1)", ""]) {
      expect(landingPath({ platformRole: "USER", callbackUrl })).toBe("/dashboard");
    }
  });
});
