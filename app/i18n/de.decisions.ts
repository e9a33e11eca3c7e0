/** German texts of decisions; the English twin is en.decisions.ts. */
export const decisionsDe = {
  "reviewSteps.decisions": "Entscheidungen",

  "decisions.error.chooseOutcome": "Bitte wählen Sie eine Entscheidung.",
  "decisions.error.reasonRequired": "Bitte schreiben Sie für die Ablehnung eine interne Begründung.",
  "decisions.error.amountRequired": "Bitte geben Sie einen Förderbetrag in Euro an (oder ein Unterstützungspaket, wenn die Ausschreibung eines vorsieht).",
  "decisions.error.overMaximum": "Der Betrag liegt über dem Höchstbetrag dieser Ausschreibung: höchstens {max} je Förderung.",
  "decisions.error.overExceptionLimit": "Der Betrag liegt über der Ausnahmegrenze: höchstens {max}; bis {exception} mit schriftlicher Begründung, mehr nicht.",
  "decisions.error.justificationRequired": "Ein Betrag über {max} braucht eine schriftliche Begründung der Ausnahme (bis {exception} möglich).",
  "decisions.error.overBudget": "Mit dieser Entscheidung wären {sum} bewilligt, mehr als das Budget von {budget}. Bestätigen Sie die Überschreitung ausdrücklich, wenn Sie das wollen.",
  "decisions.error.invitationOnlyOutline": "Zum Vollantrag einladen lässt sich nur in der Skizzenphase.",
  "decisions.error.awardNotInOutline": "In der Skizzenphase wird nicht gefördert: laden Sie zum Vollantrag ein.",
  "decisions.error.notInReview": "Dieser Antrag ist noch nicht in der Begutachtung; entscheiden lässt sich erst nach der formalen Prüfung.",
  "decisions.error.ineligible": "Dieser Antrag ist nicht förderfähig; über ihn wird nicht entschieden.",
  "decisions.error.alreadyWaitlisted": "Dieser Antrag steht schon auf der Nachrückliste.",
  "decisions.error.released": "Die Entscheidung ist schon freigegeben und damit endgültig.",
  "decisions.error.nothingToWithdraw": "Hier gibt es keine unveröffentlichte Entscheidung zurückzunehmen.",
  "decisions.error.reviewGone": "Ein angekreuztes Gutachten gehört nicht (mehr) zu den abgegebenen Gutachten dieses Antrags. Bitte laden Sie die Seite neu.",
  "decisions.error.alreadyAnswered": "Auf diese Förderung wurde schon geantwortet.",
  "decisions.error.notYetLapsed": "Die Annahmefrist läuft noch; erst danach lässt sich vermerken, dass die Förderung nicht angenommen wurde.",
  "decisions.error.acceptancePeriodOver": "Die Annahmefrist ist abgelaufen.",
  "decisions.error.gone": "Nicht mehr in dieser Stufe oder nicht mehr sichtbar.",
} as const;
