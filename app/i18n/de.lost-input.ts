/** German texts for keeping what people type (invalid input, the save status, number rules); the English twin is en.lost-input.ts. */
export const lostInputDe = {
  "invalidInput.whole.any": "Bitte geben Sie eine ganze Zahl ein.",
  "invalidInput.whole.from": "Bitte geben Sie eine ganze Zahl ab {min} ein.",
  "invalidInput.whole.upTo": "Bitte geben Sie eine ganze Zahl bis {max} ein.",
  "invalidInput.whole.between": "Bitte geben Sie eine ganze Zahl von {min} bis {max} ein.",
  "invalidInput.decimal.any": "Bitte geben Sie eine Zahl ein, z. B. 12 oder 12,5.",
  "invalidInput.decimal.from": "Bitte geben Sie eine Zahl ab {min} ein, z. B. 12 oder 12,5.",
  "invalidInput.decimal.upTo": "Bitte geben Sie eine Zahl bis {max} ein, z. B. 12 oder 12,5.",
  "invalidInput.decimal.between": "Bitte geben Sie eine Zahl von {min} bis {max} ein, z. B. 12 oder 12,5.",
  "invalidInput.amount.from0": "Bitte geben Sie einen Betrag ab 0 € ein, z. B. 1.250,50 (höchstens zwei Nachkommastellen).",
  "invalidInput.amount.upTo": "Bitte geben Sie einen Betrag von 0 € bis {max} ein, z. B. 1.250,50 (höchstens zwei Nachkommastellen).",
  "invalidInput.summary.heading": "Bitte korrigieren: noch nicht gespeichert",
  "invalidInput.summary.intro":
    "Alle anderen Angaben sind gespeichert. Was Sie in {count, plural, one {diesem Feld} other {diesen # Feldern}} eingegeben haben, bleibt stehen, zählt aber erst, wenn es korrigiert ist:",
  "invalidInput.checklist": "„{raw}“ ist nicht gespeichert. {message}",
  "draftStatus.savedAt": "Gespeichert um {time} Uhr",
  "draftStatus.savedOn": "Gespeichert am {date} um {time} Uhr",
  "draftStatus.invalid": "Nicht gespeichert: {count, plural, one {# Feld} other {# Felder}} prüfen",
  "draftStatus.changed": "Änderungen noch nicht gespeichert",
  "draftStatus.notSaved": "Nicht gespeichert",
  "formBuilder.numberHint": "Für Anzahlen: kleinster Wert 0 und nur ganze Zahlen.",
  "formBuilder.error.boundNotWhole": "Bei „Nur ganze Zahlen“ muss auch diese Grenze eine ganze Zahl sein.",
} as const;
