import type { AnyJobDefinition } from "@/lib/jobs";
import { processComment } from "./process-comment";
import { handleMessage } from "./handle-message";
import { orderLifecycle, serveWaitlist } from "./order-lifecycle";
import { paymentSucceeded } from "./payment-succeeded";
import { resendAfterReconnect } from "./resend-after-reconnect";
import { reconcileLive } from "./reconcile-live";
import { sendEmail } from "./send-email";
import { sendShipmentNotice } from "./send-shipment-notice";
import { billingSweep, chargeInvoiceJob } from "./billing";
import { emailLiveReportJob } from "./email-live-report";
import { sweepStuck } from "./sweep-stuck";
import { evaluateOperatorAlertsJob } from "./operator-alerts";
import { privacyRetention } from "./privacy-retention";
import { monthlyReports } from "./monthly-reports";
import { checkPageTokensJob } from "./check-page-tokens";

/** Every job function. Both drivers run exactly this list. */
export const jobFunctions = [processComment, handleMessage, orderLifecycle, serveWaitlist, paymentSucceeded, resendAfterReconnect, reconcileLive, sendEmail, sendShipmentNotice, billingSweep, chargeInvoiceJob, emailLiveReportJob, sweepStuck, evaluateOperatorAlertsJob, privacyRetention, monthlyReports, checkPageTokensJob] as unknown as readonly AnyJobDefinition[];
