import { getMessages } from "@/lib/i18n/server";
import { CreateStoreForm } from "@/components/dashboard/create-store-form";

export const metadata = { title: "Create your store" };

export default async function OnboardingPage() {
  const { t } = await getMessages();
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="mb-6 text-2xl font-bold">{t.store.createTitle}</h1>
      <CreateStoreForm t={t.store} />
    </div>
  );
}
