-- Answers kept before secret outputs were withheld still hold the plain invite or staff code: each
-- becomes what a repeat now sees (its last two characters and the shown-once flag).
UPDATE idempotency_keys
   SET response = jsonb_set(
         response,
         '{data}',
         ((response->'data') - 'code') || jsonb_build_object('codeTail', right(response->'data'->>'code', 2), 'codeShownOnce', true))
 WHERE operation IN ('account.issueInvite', 'org.issueStaffInvite')
   AND response->'data'->>'code' IS NOT NULL;
