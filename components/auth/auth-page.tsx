import { Suspense } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/server";

/** Sign-in and sign-up share one page: a signed-in user goes straight to the dashboard. */
export async function AuthPage({ mode }: { mode: "signin" | "signup" }) {
  if (await getSessionUser()) redirect("/dashboard");
  const { t } = await getMessages();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <Link href="/" className="mb-6 block text-center text-lg font-bold"><span className="text-primary">Live</span>StreamSell</Link>
        <Card>
          <CardHeader><CardTitle>{mode === "signin" ? t.auth.welcome : t.auth.createTitle}</CardTitle></CardHeader>
          <CardContent>
            <Suspense>
              <AuthForm mode={mode} t={t.auth} />
            </Suspense>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
