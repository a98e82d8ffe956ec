import { AuthPage } from "@/components/auth/auth-page";

export const metadata = { title: "Sign in" };

export default function Page({ searchParams }: { searchParams: Promise<{ invite?: string; callbackUrl?: string }> }) {
  return <AuthPage mode="signin" searchParams={searchParams} />;
}
