-- Fulfilment (issue 14): delivery methods, the buyer's delivery details per order, shipments.

ALTER TABLE "stores" ADD COLUMN "combineWindowHours" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "orders" ADD COLUMN "shippingMinor" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "shipmentId" TEXT,
  ADD COLUMN "deliveredAt" TIMESTAMPTZ(3);

CREATE TABLE "delivery_methods" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "feeMinor" INTEGER NOT NULL DEFAULT 0,
    "freeOverMinor" INTEGER,
    "zones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "address" TEXT,
    "instructions" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "delivery_methods_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "delivery_methods_storeId_idx" ON "delivery_methods"("storeId");
ALTER TABLE "delivery_methods" ADD CONSTRAINT "delivery_methods_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "order_deliveries" (
    "orderId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "buyerId" TEXT,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "contactEmail" TEXT,
    "methodId" TEXT,
    "methodType" TEXT NOT NULL,
    "methodName" TEXT NOT NULL,
    "methodFeeMinor" INTEGER NOT NULL DEFAULT 0,
    "address" JSONB,
    "addressKey" TEXT,
    "coveredByOrderId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "order_deliveries_pkey" PRIMARY KEY ("orderId")
);
CREATE INDEX "order_deliveries_storeId_buyerId_idx" ON "order_deliveries"("storeId", "buyerId");
CREATE INDEX "order_deliveries_coveredByOrderId_idx" ON "order_deliveries"("coveredByOrderId");
ALTER TABLE "order_deliveries" ADD CONSTRAINT "order_deliveries_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "shipments" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "carrierName" TEXT NOT NULL,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "shippedAt" TIMESTAMPTZ(3),
    "readyAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "shipments_storeId_createdAt_idx" ON "shipments"("storeId", "createdAt");
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "shipments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- totalMinor = subtotalMinor + shippingMinor, whichever code path rewrites the cart (the bot's reservation
-- statement and the seller's cart edits set totalMinor from the items alone). The WHEN clause keeps the
-- trigger function off the hot path: orders without a delivery fee never call it.
-- (The body's semicolons are written as the escape \073: the migration runner splits scripts on semicolons.)
CREATE FUNCTION "orders_total_with_shipping"() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN NEW."totalMinor" := NEW."subtotalMinor" + NEW."shippingMinor"\073 RETURN NEW\073 END';
CREATE TRIGGER "orders_total_with_shipping" BEFORE INSERT OR UPDATE ON "orders"
  FOR EACH ROW WHEN (NEW."shippingMinor" <> 0) EXECUTE FUNCTION "orders_total_with_shipping"();
