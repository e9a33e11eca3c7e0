import type { outcomesDe } from "./de.outcomes";

export const outcomesEn: Record<keyof typeof outcomesDe, string> = {
  "reviewSteps.release": "Outcome notices",

  "outcomes.default.AWARD.subject": "Funding awarded: {{call}}",
  "outcomes.default.AWARD.body":
    "Dear {{name}},\n\nwe are delighted to let you know that the application of the network {{network}} in the call “{{call}}” has been selected. You are awarded funding of {{amount}}.\n\n{{feedback}}\n\n{{juryComments}}\n\nPlease accept the funding in the portal by {{acceptBy}}: open your application through the link below and choose “Accept funding”. We will then be in touch about the next steps before the funding starts. If you cannot accept the funding, please tell us in the same place, so that we can offer it to another network.\n\nCongratulations, and every success with your project!\n\nKind regards\nThe programme team",
  "outcomes.default.SUPPORT_AWARD.subject": "Support awarded: {{call}}",
  "outcomes.default.SUPPORT_AWARD.body":
    "Dear {{name}},\n\nwe are delighted to let you know that the network {{network}} has been selected in the call “{{call}}”. You will receive this support:\n\n{{supportPackage}}\n\n{{feedback}}\n\n{{juryComments}}\n\nPlease accept the support in the portal by {{acceptBy}}: open your application through the link below and choose “Accept funding”. We will then be in touch to plan the start with you. If you cannot accept the support, please tell us in the same place.\n\nCongratulations!\n\nKind regards\nThe programme team",
  "outcomes.default.WAITLIST.subject": "Waiting list: {{call}}",
  "outcomes.default.WAITLIST.body":
    "Dear {{name}},\n\nthank you for the application of the network {{network}} in the call “{{call}}”. The jury rated it very highly. It could not be funded in this round yet, but it is on the waiting list.\n\n{{feedback}}\n\n{{juryComments}}\n\nAs soon as a place becomes free, we will contact you. There is nothing you need to do in the meantime. You can see the current status in the portal at any time.\n\nKind regards\nThe programme team",
  "outcomes.default.REJECTION.subject": "Outcome of your application: {{call}}",
  "outcomes.default.REJECTION.body":
    "Dear {{name}},\n\nthank you for the application of the network {{network}} in the call “{{call}}” and for all the work you put into it. We are sorry to tell you that we cannot fund it in this round. With so many good applications, the decision was not an easy one.\n\n{{feedback}}\n\n{{juryComments}}\n\nWe hope the feedback helps you in your work, and we would be glad to receive an application from you in a later round.\n\nKind regards\nThe programme team",
  "outcomes.default.INVITATION.subject": "Invitation to a full proposal: {{call}}",
  "outcomes.default.INVITATION.body":
    "Dear {{name}},\n\nthe outline of the network {{network}} in the call “{{call}}” has convinced the jury. We warmly invite you to submit a full proposal.\n\nDeadline for the full proposal: {{deadline}} (German time)\n\nYour full proposal has already been created and pre-filled with your answers from the outline. You can open it through the link below.\n\nPlease address these conditions in your full proposal:\n{{conditions}}\n\n{{feedback}}\n\n{{juryComments}}\n\nKind regards\nThe programme team",
  "outcomes.default.NOT_ELIGIBLE.subject": "Outcome of the eligibility check: {{call}}",
  "outcomes.default.NOT_ELIGIBLE.body":
    "Dear {{name}},\n\nthank you for the application of the network {{network}} in the call “{{call}}”. In the eligibility check we found that, unfortunately, it does not meet the formal requirements of the call, so it cannot go to the jury.\n\nReason: {{reasons}}\n\nIf you have questions about the reason, please get in touch with us.\n\nKind regards\nThe programme team",
  "outcomes.mail.juryComments": "Comments from the jury",
  "outcomes.mail.jury": "Jury {letter}",
  "outcomes.mail.button.AWARD": "Accept the funding in the portal",
  "outcomes.mail.button.SUPPORT_AWARD": "Accept the support in the portal",
  "outcomes.mail.button.WAITLIST": "View the application in the portal",
  "outcomes.mail.button.REJECTION": "View the application in the portal",
  "outcomes.mail.button.INVITATION": "Open the full proposal",
  "outcomes.mail.button.NOT_ELIGIBLE": "View the application in the portal",
};
