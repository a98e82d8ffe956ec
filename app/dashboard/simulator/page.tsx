import { notFound } from "next/navigation";
import { simulatorChoices } from "@/lib/simulator/simulator-choices";
import { getMessages } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { simulatorEnabled } from "@/lib/simulator/simulator";
import { SimulatorPanel } from "@/components/simulator/simulator-panel";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.simulator.title };
}
export const dynamic = "force-dynamic";

/**
 * Development simulator: post comments as fake buyers into a live and see exactly what the bot sent.
 * Comments go through the real signed Meta webhook; replies go through the real Graph client to the
 * built-in fake Graph API. Only in the embedded default (no real Meta app configured).
 */
export default async function SimulatorPage() {
  if (!simulatorEnabled()) notFound();
  const { store, role } = await requireDashboardStore();
  const { t, locale } = await getMessages();
  const { lives, products } = await simulatorChoices(store.id);
  return (
    <SimulatorPanel
      storeId={store.id}
      isOwner={role === "OWNER"}
      lives={lives}
      products={products}
      uiLocale={locale}
      timezone={store.timezone}
      t={{ simulator: t.simulator, intents: t.intents, commentStatus: t.live.commentStatus, confidence: t.live.confidence, messageKind: t.messageKind, messagePurpose: t.messagePurpose, messageStatus: t.messageStatus }}
    />
  );
}
