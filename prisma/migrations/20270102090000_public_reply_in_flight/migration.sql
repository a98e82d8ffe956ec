-- Whether the latest claim of an outbound message may still be posting a public reply: it is a public reply
-- still PENDING, that claim recorded nothing (no error) and it is younger than the in-flight window
-- (send-message.ts, PUBLIC_REPLY_IN_FLIGHT_SECONDS). The claim, what it answers about the earlier claim and
-- the take-over of a claim whose window is over all ask this one question, so they cannot disagree on it.
-- Never NULL (a row with no claim time, or no earlier row at all, is not in flight). A single-expression SQL
-- function: the planner inlines it into the statements that call it.
CREATE FUNCTION public_reply_in_flight(kind "MessageKind", status "MessageStatus", error text, claimed_at timestamptz, window_seconds int)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(kind = 'PUBLIC_REPLY' AND status = 'PENDING' AND error IS NULL AND claimed_at > now() - make_interval(secs => window_seconds), false)
$$
