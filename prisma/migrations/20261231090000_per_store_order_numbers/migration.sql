-- Order numbers count per store (#1, #2, … in each store) instead of one platform-wide sequence: that
-- showed a new store's first order as #61 and let any seller read the platform's volume off her numbers.
-- A BEFORE INSERT trigger takes the next number from the store's row in order_number_counters (created
-- with its first order). Only a new order touches the counter (a cart's later updates do not), and two new
-- orders of one store take their numbers one after the other (the row lock lasts until commit), so numbers
-- never repeat. A sequence per store would avoid that wait but needs DDL at every sign-up, whose catalog
-- invalidations reach every database connection (the comment pipeline measured slower with it).
-- A rolled-back order gives its number back. The counters are ordinary rows: a backup carries them.
-- (The function body's semicolons are written as the escape \073: the migration runner splits scripts on semicolons.)

CREATE TABLE "order_number_counters" (
    "storeId" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "order_number_counters_pkey" PRIMARY KEY ("storeId")
);

ALTER TABLE "order_number_counters" ADD CONSTRAINT "order_number_counters_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing stores continue after their highest number, so no number a buyer has seen is given again.
INSERT INTO "order_number_counters" ("storeId", "last") SELECT "storeId", max("number") FROM "orders" GROUP BY 1;

CREATE FUNCTION lss_number_order() RETURNS trigger
LANGUAGE plpgsql
AS E'BEGIN
  UPDATE order_number_counters SET last = last + 1 WHERE "storeId" = NEW."storeId" RETURNING last INTO NEW."number"\073
  IF NOT FOUND THEN
    INSERT INTO order_number_counters AS c ("storeId", last) VALUES (NEW."storeId", 1)
    ON CONFLICT ("storeId") DO UPDATE SET last = c.last + 1 RETURNING c.last INTO NEW."number"\073
  END IF\073
  RETURN NEW\073
END';

CREATE TRIGGER orders_number BEFORE INSERT ON "orders"
FOR EACH ROW EXECUTE FUNCTION lss_number_order();

-- The platform-wide sequence is no longer used.
ALTER TABLE "orders" ALTER COLUMN "number" SET DEFAULT 0;
DROP SEQUENCE IF EXISTS "orders_number_seq";
