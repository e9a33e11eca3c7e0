/** German texts of outcomes; the English twin is en.outcomes.ts. */
export const outcomesDe = {
  "reviewSteps.release": "Bescheide",

  // The portal's outcome mails as a call starts with them. Placeholders in double braces (see forms/outcome-mails.ts).
  "outcomes.default.AWARD.subject": "Förderzusage: {{call}}",
  "outcomes.default.AWARD.body":
    "Guten Tag {{name}},\n\nwir freuen uns sehr, Ihnen mitteilen zu können, dass der Antrag des Netzwerks {{network}} in der Ausschreibung „{{call}}“ ausgewählt wurde. Sie erhalten eine Förderung von {{amount}}.\n\n{{feedback}}\n\n{{juryComments}}\n\nBitte nehmen Sie die Förderung bis zum {{acceptBy}} im Portal an: Öffnen Sie Ihren Antrag über den Link unten und wählen Sie „Förderung annehmen“. Danach melden wir uns mit den nächsten Schritten bis zum Förderbeginn. Wenn Sie die Förderung nicht annehmen können, teilen Sie uns das bitte an derselben Stelle mit, damit wir den Platz weitergeben können.\n\nHerzlichen Glückwunsch und viel Erfolg bei der Umsetzung!\n\nMit freundlichen Grüßen\nIhre Programmleitung",
  "outcomes.default.SUPPORT_AWARD.subject": "Zusage Ihrer Unterstützung: {{call}}",
  "outcomes.default.SUPPORT_AWARD.body":
    "Guten Tag {{name}},\n\nwir freuen uns sehr, Ihnen mitteilen zu können, dass das Netzwerk {{network}} in der Ausschreibung „{{call}}“ ausgewählt wurde. Sie erhalten diese Unterstützung:\n\n{{supportPackage}}\n\n{{feedback}}\n\n{{juryComments}}\n\nBitte nehmen Sie die Unterstützung bis zum {{acceptBy}} im Portal an: Öffnen Sie Ihren Antrag über den Link unten und wählen Sie „Förderung annehmen“. Danach melden wir uns, um den Start mit Ihnen abzustimmen. Wenn Sie die Unterstützung nicht annehmen können, teilen Sie uns das bitte an derselben Stelle mit.\n\nHerzlichen Glückwunsch!\n\nMit freundlichen Grüßen\nIhre Programmleitung",
  "outcomes.default.WAITLIST.subject": "Nachrückliste: {{call}}",
  "outcomes.default.WAITLIST.body":
    "Guten Tag {{name}},\n\nvielen Dank für den Antrag des Netzwerks {{network}} in der Ausschreibung „{{call}}“. Die Jury hat ihn sehr positiv bewertet. Für eine Förderung in dieser Runde hat es noch nicht gereicht, Ihr Antrag steht aber auf der Nachrückliste.\n\n{{feedback}}\n\n{{juryComments}}\n\nSobald ein Platz frei wird, melden wir uns bei Ihnen. Sie müssen dafür nichts weiter tun. Den aktuellen Stand sehen Sie jederzeit im Portal.\n\nMit freundlichen Grüßen\nIhre Programmleitung",
  "outcomes.default.REJECTION.subject": "Ergebnis Ihres Antrags: {{call}}",
  "outcomes.default.REJECTION.body":
    "Guten Tag {{name}},\n\nvielen Dank für den Antrag des Netzwerks {{network}} in der Ausschreibung „{{call}}“ und für die Arbeit, die Sie hineingesteckt haben. Leider können wir Ihren Antrag in dieser Runde nicht fördern. Die Entscheidung ist uns bei vielen guten Anträgen nicht leichtgefallen.\n\n{{feedback}}\n\n{{juryComments}}\n\nWir hoffen, dass Ihnen die Rückmeldung für Ihre weitere Arbeit hilft, und würden uns freuen, wenn Sie sich in einer späteren Runde wieder bewerben.\n\nMit freundlichen Grüßen\nIhre Programmleitung",
  "outcomes.default.INVITATION.subject": "Aufforderung zum Vollantrag: {{call}}",
  "outcomes.default.INVITATION.body":
    "Guten Tag {{name}},\n\ndie Skizze des Netzwerks {{network}} in der Ausschreibung „{{call}}“ hat die Jury überzeugt. Wir laden Sie herzlich ein, einen Vollantrag zu stellen.\n\nFrist für den Vollantrag: {{deadline}} (deutsche Zeit)\n\nIhr Vollantrag ist schon angelegt und mit Ihren Angaben aus der Skizze vorausgefüllt. Sie öffnen ihn über den Link unten.\n\nBitte gehen Sie im Vollantrag auf diese Auflagen ein:\n{{conditions}}\n\n{{feedback}}\n\n{{juryComments}}\n\nMit freundlichen Grüßen\nIhre Programmleitung",
  "outcomes.default.NOT_ELIGIBLE.subject": "Ergebnis der formalen Prüfung: {{call}}",
  "outcomes.default.NOT_ELIGIBLE.body":
    "Guten Tag {{name}},\n\nvielen Dank für den Antrag des Netzwerks {{network}} in der Ausschreibung „{{call}}“. Bei der formalen Prüfung haben wir festgestellt, dass er die Voraussetzungen der Ausschreibung leider nicht erfüllt. Er kann deshalb nicht begutachtet werden.\n\nBegründung: {{reasons}}\n\nBei Fragen zur Begründung melden Sie sich gern bei uns.\n\nMit freundlichen Grüßen\nIhre Programmleitung",
  "outcomes.mail.juryComments": "Stimmen aus der Jury",
  "outcomes.mail.jury": "Jury {letter}",
  "outcomes.mail.button.AWARD": "Förderung im Portal annehmen",
  "outcomes.mail.button.SUPPORT_AWARD": "Unterstützung im Portal annehmen",
  "outcomes.mail.button.WAITLIST": "Antrag im Portal ansehen",
  "outcomes.mail.button.REJECTION": "Antrag im Portal ansehen",
  "outcomes.mail.button.INVITATION": "Vollantrag öffnen",
  "outcomes.mail.button.NOT_ELIGIBLE": "Antrag im Portal ansehen",
} as const;
