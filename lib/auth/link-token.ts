/** The `?token=` of an emailed link when it has the shape of one; the token itself is checked when the form is sent. */
export function linkToken(raw: string | string[] | undefined): string | null {
  return typeof raw === "string" && raw.length >= 10 && raw.length <= 200 ? raw : null;
}
