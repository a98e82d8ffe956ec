import type { z } from "zod";

/** Why one setting was refused; the dashboard shows `code` translated, next to the field's own label. */
export type SettingsIssueCode = "required" | "invalid_email" | "invalid_choice" | "too_long" | "invalid" | "unknown_field" | "not_configured";
export type SettingsIssue = { field: string; code: SettingsIssueCode; message: string };

const MESSAGES: Record<SettingsIssueCode, string> = {
  required: "is required",
  invalid_email: "must be an e-mail address",
  invalid_choice: "must be one of the offered choices",
  too_long: "is too long",
  invalid: "is not valid",
  unknown_field: "is not a setting of this provider",
  not_configured: "cannot be on until every required setting is filled in",
};

export function settingsIssue(field: string, code: SettingsIssueCode): SettingsIssue {
  return { field, code, message: MESSAGES[code] };
}

/**
 * A provider schema's zod issues → one issue per setting, as `credentials.<name>` with a stable code,
 * never a schema message ("Invalid input: expected string, received undefined") a seller cannot act on.
 */
export function settingsIssues(issues: readonly z.core.$ZodIssue[], values: Record<string, unknown>): SettingsIssue[] {
  const out = new Map<string, SettingsIssue>();
  for (const issue of issues) {
    const name = String(issue.path[0] ?? "");
    const field = name ? `credentials.${name}` : "credentials";
    if (out.has(field)) continue;
    const value = name ? values[name] : undefined;
    out.set(field, settingsIssue(field, codeOf(issue, value)));
  }
  return [...out.values()];
}

function codeOf(issue: z.core.$ZodIssue, value: unknown): SettingsIssueCode {
  if (value === undefined || (typeof value === "string" && value.trim() === "")) return "required";
  switch (issue.code) {
    case "too_small":
      return "required";
    case "too_big":
      return "too_long";
    case "invalid_value":
      return "invalid_choice";
    case "invalid_format":
      return issue.format === "email" ? "invalid_email" : "invalid";
    default:
      return "invalid";
  }
}
