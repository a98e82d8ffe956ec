import { AuthPage } from "@/components/auth/auth-page";

export const metadata = { title: "Create account" };

export default function Page({ searchParams }: { searchParams: Promise<{ invite?: string; callbackUrl?: string }> }) {
  return <AuthPage mode="signup" searchParams={searchParams} />;
}
