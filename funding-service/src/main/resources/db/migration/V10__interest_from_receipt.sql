-- Interest from receipt (加算金, 補助金適正化法 art. 19(1)) is owed on a return ordered on a cancellation
-- (art. 17), not on an excess returned after the final amount was fixed (額の確定, art. 18(2)), which owes
-- late interest only. Every order issued so far was of the first kind.
ALTER TABLE return_order ADD COLUMN interest_from_receipt BOOLEAN NOT NULL DEFAULT TRUE;
