/** German texts of state changes and confirmations; the English twin is en.workflow.ts. */
export const workflowDe = {
  "confirm.error.required": "Bitte bestätigen Sie diesen Schritt; er wurde noch nicht ausgeführt.",
  "confirm.cancel": "Abbrechen",

  "callWorkflow.already.PUBLISHED": "Die Ausschreibung ist bereits veröffentlicht.",
  "callWorkflow.already.CLOSED": "Die Ausschreibung ist bereits abgeschlossen.",
  "callWorkflow.already.ARCHIVED": "Die Ausschreibung ist bereits archiviert.",
  "callWorkflow.confirm.CLOSE.question": "„{title}“ wirklich abschließen?",
  "callWorkflow.confirm.CLOSE.explained":
    "Danach können Netzwerke keine neuen Anträge mehr beginnen, und Texte, Phasen und Formulare lassen sich nicht mehr ändern. Wieder öffnen können Sie die Ausschreibung nur, solange die Prüfung der Anträge nicht begonnen hat.",
  "callWorkflow.confirm.CLOSE.button": "Ja, abschließen",
  "callWorkflow.confirm.ARCHIVE.question": "„{title}“ wirklich archivieren?",
  "callWorkflow.confirm.ARCHIVE.explained": "Archivieren beendet die Runde endgültig. Das lässt sich nicht rückgängig machen.",
  "callWorkflow.confirm.ARCHIVE.button": "Ja, archivieren",
  "callWorkflow.reopen.title": "Versehentlich abgeschlossen?",
  "callWorkflow.reopen.intro":
    "Solange die Prüfung der Anträge nicht begonnen hat, können Sie die Ausschreibung wieder veröffentlichen. Der Grund wird im Verlauf der Ausschreibung festgehalten.",
  "callWorkflow.reopen.reason": "Grund für das Wiederöffnen",
  "callWorkflow.reopen.submit": "Ausschreibung wieder öffnen",
  "callWorkflow.reopen.eligibilityStarted": "Die Prüfung der Anträge hat begonnen; die Ausschreibung kann nicht mehr wieder geöffnet werden.",
  "callWorkflow.reopen.notClosed": "Nur eine abgeschlossene Ausschreibung kann wieder geöffnet werden.",

  "callWorkflow.history.title": "Statusverlauf",
  "callWorkflow.history.PUBLISH": "veröffentlicht",
  "callWorkflow.history.CLOSE": "abgeschlossen",
  "callWorkflow.history.ARCHIVE": "archiviert",
  "callWorkflow.history.REOPEN": "wieder geöffnet",
  "callWorkflow.history.by": "von {name}",
  "callWorkflow.history.reason": "Grund: {reason}",

  "applicationWorkflow.confirmWithdraw.question": "Antrag wirklich zurückziehen?",
  "applicationWorkflow.confirmWithdraw.explained":
    "Der Antrag nimmt dann nicht mehr am Wettbewerb teil. Bis zur Frist können Sie ihn wieder öffnen und erneut einreichen, danach nicht mehr.",
  "applicationWorkflow.confirmWithdraw.button": "Ja, zurückziehen",

  "formBuilder.confirmDeleteField.question": "Feld „{label}“ wirklich löschen?",
  "formBuilder.confirmDeleteField.explained": "Das Feld verschwindet mit all seinen Einstellungen aus dem Formular. Das lässt sich nicht rückgängig machen; Sie müssten es neu anlegen.",
  "formBuilder.confirmDeleteField.button": "Ja, Feld löschen",

  "formBuilder.confirmDeleteSection.question": "Abschnitt „{title}“ mit {count, plural, one {# Feld} other {# Feldern}} wirklich löschen?",
  "formBuilder.confirmDeleteSection.explained": "Der Abschnitt verschwindet mit allen seinen Feldern und deren Einstellungen aus dem Formular. Das lässt sich nicht rückgängig machen.",
  "formBuilder.confirmDeleteSection.button": "Ja, Abschnitt und Felder löschen",

  "applications.confirmRemovePartner.question": "Partner {number} wirklich entfernen?",
  "applications.confirmRemovePartner.explained": "Seine hochgeladene Absichtserklärung wird dabei gelöscht; Sie müssten sie erneut hochladen. Ihre übrigen Eingaben sind gespeichert.",
  "applications.confirmRemovePartner.button": "Ja, Partner und Absichtserklärung entfernen",
} as const;
