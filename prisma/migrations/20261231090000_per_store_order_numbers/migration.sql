-- Order numbers count per store (#1, #2, … in each store) instead of one platform-wide sequence: that
-- showed a new store's first order as #61 and let any seller read the platform's volume off her numbers.
-- Each store has its own sequence, created with the store and dropped with it, and a BEFORE INSERT
-- trigger numbers every order from its store's sequence. A sequence takes no row lock, so two
-- reservations of one store never wait for each other. Like any sequence, a rolled-back order leaves a gap.
-- A sequence is named after the md5 of its store id: any id fits PostgreSQL's 63-byte names.
-- (The bodies' semicolons are written as the escape \073: the migration runner splits scripts on semicolons.)

CREATE FUNCTION lss_order_number_sequence(store_id text) RETURNS text
LANGUAGE sql IMMUTABLE
AS E'SELECT ''order_numbers_'' || md5(store_id)';

CREATE FUNCTION lss_create_order_number_sequence() RETURNS trigger
LANGUAGE plpgsql
AS E'BEGIN EXECUTE format(''CREATE SEQUENCE %I'', lss_order_number_sequence(NEW.id))\073 RETURN NULL\073 END';

CREATE FUNCTION lss_drop_order_number_sequence() RETURNS trigger
LANGUAGE plpgsql
AS E'BEGIN EXECUTE format(''DROP SEQUENCE IF EXISTS %I'', lss_order_number_sequence(OLD.id))\073 RETURN NULL\073 END';

CREATE FUNCTION lss_number_order() RETURNS trigger
LANGUAGE plpgsql
AS E'BEGIN NEW."number" := nextval(lss_order_number_sequence(NEW."storeId")::regclass)\073 RETURN NEW\073 END';

-- Existing stores continue after their highest number, so no number a buyer has seen is given again.
CREATE FUNCTION lss_create_existing_order_number_sequences() RETURNS void
LANGUAGE plpgsql
AS E'DECLARE s record\073 BEGIN FOR s IN SELECT st.id, coalesce(max(o."number"), 0) AS top FROM stores st LEFT JOIN orders o ON o."storeId" = st.id GROUP BY st.id LOOP EXECUTE format(''CREATE SEQUENCE %I START %s'', lss_order_number_sequence(s.id), s.top + 1)\073 END LOOP\073 END';
SELECT lss_create_existing_order_number_sequences();
DROP FUNCTION lss_create_existing_order_number_sequences();

CREATE TRIGGER stores_order_number_sequence_create AFTER INSERT ON "stores"
FOR EACH ROW EXECUTE FUNCTION lss_create_order_number_sequence();

CREATE TRIGGER stores_order_number_sequence_drop AFTER DELETE ON "stores"
FOR EACH ROW EXECUTE FUNCTION lss_drop_order_number_sequence();

CREATE TRIGGER orders_number BEFORE INSERT ON "orders"
FOR EACH ROW EXECUTE FUNCTION lss_number_order();

-- The platform-wide sequence is no longer used.
ALTER TABLE "orders" ALTER COLUMN "number" SET DEFAULT 0;
DROP SEQUENCE IF EXISTS "orders_number_seq";

CREATE UNIQUE INDEX "orders_storeId_number_key" ON "orders"("storeId", "number");
