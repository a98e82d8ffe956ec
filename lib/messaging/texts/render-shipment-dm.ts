import { buttonTemplateMessage, textMessage, urlButton, type UrlButton } from "@/lib/meta/messages";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

type ShipmentDmInput = TextOptions & { orderRef: string; orderUrl: string; carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; corrected: boolean };

/** The order left: carrier, tracking number and a button to follow it (and one to the order's status page). */
export function renderShippedDm(input: ShipmentDmInput): RenderedDm {
  const texts = createTexts(input);
  const vars = { order: input.orderRef, carrier: input.carrier ?? "", tracking: input.trackingNumber ?? "" };
  const text = input.trackingNumber ? texts.t(input.corrected ? "trackingCorrected" : "orderShipped", vars) : texts.t("orderShippedNoTracking", vars);
  const buttons: UrlButton[] = [];
  if (input.trackingUrl && /^https?:\/\//i.test(input.trackingUrl)) buttons.push(urlButton(texts.t("trackShipment"), input.trackingUrl));
  buttons.push(urlButton(texts.t("viewOrder"), input.orderUrl));
  const links = [input.trackingUrl, input.orderUrl].filter(Boolean).join("\n");
  return { locale: texts.locale, message: buttonTemplateMessage({ text, buttons }), fallback: textMessage(`${text}\n${links}`), text };
}

/** The order waits at the store: where and when to pick it up. */
export function renderPickupReadyDm(input: TextOptions & { orderRef: string; orderUrl: string; address: string; hours: string | null }): RenderedDm {
  const texts = createTexts(input);
  const text = texts.t("pickupReady", { order: input.orderRef, address: input.address, hours: input.hours ?? "" });
  return { locale: texts.locale, message: buttonTemplateMessage({ text, buttons: [urlButton(texts.t("viewOrder"), input.orderUrl)] }), fallback: textMessage(`${text}\n${input.orderUrl}`), text };
}
