import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type ShippedPackage = { name: string; version: string; license: string };

type LockEntry = { version?: string; license?: string | { type?: string }; dev?: boolean; link?: boolean };

/**
 * The open-source packages the app ships, with their licence fields: every non-development package of
 * package-lock.json that is installed (optional binaries for other platforms are not), deduplicated by
 * name and version, sorted by name. The licences page calls this while `next build` prerenders it, so the
 * list is generated at build time from what is installed.
 */
export function shippedLicenses(root = process.cwd()): ShippedPackage[] {
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages?: Record<string, LockEntry> };
  const seen = new Map<string, ShippedPackage>();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!key || entry.dev || entry.link || !key.includes("node_modules/")) continue;
    if (!existsSync(path.join(root, key, "package.json"))) continue;
    const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    const version = entry.version ?? "?";
    const license = typeof entry.license === "string" ? entry.license : entry.license?.type ?? licenseFromPackageJson(path.join(root, key, "package.json"));
    seen.set(`${name}@${version}`, { name, version, license });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function licenseFromPackageJson(file: string) {
  try {
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { license?: string | { type?: string }; licenses?: { type?: string }[] };
    if (typeof pkg.license === "string") return pkg.license;
    return pkg.license?.type ?? pkg.licenses?.map((l) => l.type).filter(Boolean).join(" OR ") ?? "UNKNOWN";
  } catch {
    return "UNKNOWN";
  }
}
