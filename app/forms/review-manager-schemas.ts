import { z } from "zod";
import { confirmation } from "./workflow-schemas";

/** The forms of the manager's review progress page and of the discussion threads. */

const id = z.string({ error: "error.required" }).min(1, "error.required").max(100);

export const remindSchema = z.object({ jurorId: id });

export const reopenReviewSchema = z.object({
  reviewId: id,
  version: z.number({ error: "workflow.stale" }).int().min(0),
  reason: z.string({ error: "reviewManager.reopen.reasonRequired" }).trim().min(1, "reviewManager.reopen.reasonRequired").max(2000, "callSetup.error.tooLong"),
  ...confirmation,
});

export const reassignSchema = z.object({
  assignmentId: id,
  jurorId: z.string({ error: "reviewManager.reassign.chooseJuror" }).min(1, "reviewManager.reassign.chooseJuror").max(100),
  ...confirmation,
});

export const discussionPostSchema = z.object({
  body: z.string({ error: "reviewManager.discussion.bodyRequired" }).trim().min(1, "reviewManager.discussion.bodyRequired").max(5000, "reviewManager.discussion.tooLong"),
});
