-- CreateSequence
-- Receipt numbers are drawn from one sequence before the submitting transaction starts: drawing never
-- waits for another submission, and a number stays unique even when two calls share a prefix. A
-- number drawn by a submission that is then refused stays unused.
CREATE SEQUENCE "ApplicationReceipt_seq";
