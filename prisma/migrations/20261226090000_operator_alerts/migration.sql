-- Operator alerts: one row per firing, resolved when the condition clears. At most one open row per key.
CREATE TABLE "operator_alerts" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "firedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "notifiedAt" TIMESTAMPTZ(3),
    "recoveryNotifiedAt" TIMESTAMPTZ(3),
    CONSTRAINT "operator_alerts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "operator_alerts_open_key" ON "operator_alerts"("key") WHERE "resolvedAt" IS NULL;
CREATE INDEX "operator_alerts_firedAt_idx" ON "operator_alerts"("firedAt");

-- Signals a process raises for a state only it can see (a circuit breaker opening), held until a time.
CREATE TABLE "operator_alert_signals" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "operator_alert_signals_pkey" PRIMARY KEY ("key")
);
