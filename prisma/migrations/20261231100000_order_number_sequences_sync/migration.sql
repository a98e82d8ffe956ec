-- Brings the per-store order-number sequences in line with the data: every store has one, continuing after
-- its highest order number (never moved back), and no sequence is left for a store that no longer exists.
-- A restore calls it after loading rows with triggers off (so no store's sequence was created and TRUNCATE
-- dropped none). It can run at any time.
CREATE FUNCTION lss_sync_order_number_sequences() RETURNS void
LANGUAGE plpgsql
AS E'DECLARE s record\073 q record\073 BEGIN
  FOR s IN SELECT st.id, coalesce(max(o."number"), 0) AS top FROM stores st LEFT JOIN orders o ON o."storeId" = st.id GROUP BY st.id LOOP
    EXECUTE format(''CREATE SEQUENCE IF NOT EXISTS %I'', lss_order_number_sequence(s.id))\073
    PERFORM setval(lss_order_number_sequence(s.id)::regclass, greatest(s.top + 1, (SELECT coalesce(q2.last_value + 1, q2.start_value) FROM pg_sequences q2 WHERE q2.schemaname = current_schema() AND q2.sequencename = lss_order_number_sequence(s.id))), false)\073
  END LOOP\073
  FOR q IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = ''S'' AND n.nspname = current_schema() AND left(c.relname, 14) = ''order_numbers_''
      AND NOT EXISTS (SELECT 1 FROM stores st WHERE lss_order_number_sequence(st.id) = c.relname) LOOP
    EXECUTE format(''DROP SEQUENCE %I'', q.relname)\073
  END LOOP\073
END';
