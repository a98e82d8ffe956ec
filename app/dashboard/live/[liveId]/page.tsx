import { notFound } from "next/navigation";
import { ControlCenter } from "@/components/live/control-center";
import { getMessages } from "@/lib/i18n/server";
import { paymentMessages } from "@/lib/i18n/payments";
import { buyersMessages } from "@/lib/i18n/buyers";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { getLiveForMember } from "@/lib/lives/member-live";
import { storeLocale } from "@/lib/stores/store-locale";
import { getLiveState } from "@/lib/live-control/live-state";
import { listFeedComments } from "@/lib/live-control/feed";
import { listLiveCarts } from "@/lib/live-control/carts";
import { simulatorEnabled } from "@/lib/simulator/simulator";

export const metadata = { title: "Live Control Center" };
export const dynamic = "force-dynamic";

export default async function LiveControlCenterPage({ params }: { params: Promise<{ liveId: string }> }) {
  const { user } = await requireDashboardStore();
  const { liveId } = await params;
  const found = await getLiveForMember(user.id, liveId);
  if (!found) notFound();
  const { live, role } = found;
  const store = await storeLocale(live.storeId);
  const [{ t, locale }, state, feed, carts] = await Promise.all([getMessages(), getLiveState({ live }), listFeedComments({ liveId: live.id, limit: 300 }), listLiveCarts({ liveId: live.id, storeId: live.storeId })]);
  return (
    <ControlCenter
      liveId={live.id}
      storeId={live.storeId}
      initial={{ state, feed, carts }}
      format={{ uiLocale: locale, storeLocale: store.locale, currency: store.currency, timezone: store.timezone }}
      simulator={simulatorEnabled()}
      transfers={{ isOwner: role === "OWNER", t: paymentMessages(locale).review }}
      reportLabel={buyersMessages(locale).report.open}
      t={{ live: t.live, orders: t.orders, intents: t.intents, orderStatus: t.orderStatus, messageStatus: t.messageStatus, paymentStatus: t.paymentStatus, inventory: t.inventory, common: t.common }}
    />
  );
}
