/** A path on this site, never a link elsewhere ("//evil.test", "/\\evil.test" and absolute URLs are refused). */
function isLocalPath(path: string | null | undefined): path is string {
  return !!path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/**
 * Where someone goes after signing in: back to the page that sent them to sign in (when it is on this
 * site), else the platform admin panel for a superadmin and the seller dashboard for everyone else.
 */
export function landingPath({ platformRole, callbackUrl }: { platformRole: "USER" | "SUPERADMIN"; callbackUrl?: string | null }) {
  if (isLocalPath(callbackUrl)) return callbackUrl;
  return platformRole === "SUPERADMIN" ? "/admin" : "/dashboard";
}
