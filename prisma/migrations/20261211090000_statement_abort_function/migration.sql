-- A single statement that must be all-or-nothing but only learns at its last step that it cannot
-- complete aborts itself with this function, which rolls back everything the statement wrote.
-- Used by the bot's one-statement reservation: its stock UPDATE runs last, so the hot product row of
-- a live is locked only from that UPDATE to the statement's commit, and a buyer who lost the race for
-- the last units aborts the statement (SQLSTATE given by the caller) instead of leaving an order.
-- (The body's semicolon is written as the escape \073: the migration runner splits scripts on semicolons.)
CREATE FUNCTION lss_abort(code text, message text) RETURNS integer
LANGUAGE plpgsql VOLATILE
AS E'BEGIN RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message\073 END';
