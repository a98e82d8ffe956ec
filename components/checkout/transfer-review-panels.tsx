import { format } from "@/lib/i18n";
import type { CheckoutMessages } from "@/lib/i18n/checkout";
import { Panel } from "./status-panels";

/** The receipt is with the store: nothing else to do, the items stay reserved until `heldUntil`. */
export function TransferReviewPanel({ t, heldUntil }: { t: CheckoutMessages; heldUntil: string }) {
  return (
    <Panel tone="info" title={t.reviewTitle} testId="checkout-transfer-review" role="status">
      <p>{format(t.reviewBody, { time: heldUntil })}</p>
      <p className="text-sm text-muted-foreground">{t.reviewNext}</p>
    </Panel>
  );
}

/** The receipt arrived after the reservation had lapsed and the items could not be held again. */
export function TransferReviewExpiredPanel({ t }: { t: CheckoutMessages }) {
  return (
    <Panel tone="info" title={t.reviewTitle} testId="checkout-transfer-review" role="status">
      <p>{t.reviewExpiredBody}</p>
    </Panel>
  );
}

/** The store rejected the receipt: why, and (while the order is still reserved) until when a new one can be sent. */
export function TransferRejectedPanel({ t, reason, until }: { t: CheckoutMessages; reason: string; until: string | null }) {
  return (
    <Panel tone="error" title={t.rejectedTitle} testId="checkout-transfer-rejected" role="alert">
      <p>
        {t.rejectedReason} <bdi className="font-medium">{reason}</bdi>
      </p>
      {until && <p className="text-sm">{format(t.rejectedNext, { time: until })}</p>}
    </Panel>
  );
}
