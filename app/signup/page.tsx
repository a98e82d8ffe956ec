import { AuthPage } from "@/components/auth/auth-page";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.auth.signUp };
}

export default function Page({ searchParams }: { searchParams: Promise<{ invite?: string; callbackUrl?: string }> }) {
  return <AuthPage mode="signup" searchParams={searchParams} />;
}
