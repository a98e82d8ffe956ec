import { fieldError } from "@/lib/http/errors";

// The commonest passwords of public breach corpora that pass the length rule: refused outright.
const COMMON = new Set([
  "12345678", "123456789", "1234567890", "password", "password1", "password123", "qwertyuiop", "qwerty123",
  "11111111", "00000000", "iloveyou", "abc12345", "abcd1234", "1q2w3e4r", "1qaz2wsx", "sunshine", "princess",
  "football", "baseball", "welcome1", "admin123", "letmein1", "passw0rd", "contraseña", "contrasena", "senha123",
  "12341234", "87654321", "qwerty12", "asdfghjk", "zxcvbnm1", "trustno1", "superman", "whatever",
]);

/** Checks the password rules a schema cannot see (the account's email), naming the `password` field. */
export function assertPasswordAllowed({ password, email }: { password: string; email?: string | null }) {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) throw fieldError("password", "too_common", "is one of the most common passwords");
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split("@")[0])) throw fieldError("password", "same_as_email", "must not be your email address");
}

