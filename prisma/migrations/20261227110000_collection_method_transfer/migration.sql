-- One name for a bank transfer everywhere: the platform collection method of a store was stored as
-- bank_transfer while the buyer gateway, payments and the confirm action say transfer. Audit rows keep
-- what was written at the time.
UPDATE "subscriptions" SET "paymentMethod" = 'transfer' WHERE "paymentMethod" = 'bank_transfer';
