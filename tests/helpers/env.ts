/**
 * Makes the code under test see variables a test changed in place (e.g. base URLs of local fakes):
 * `env()` parses again when `process.env` is a new object.
 */
export function reloadEnv() {
  process.env = { ...process.env };
}
