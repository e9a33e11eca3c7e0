/** German texts of lifecycle; the English twin is en.lifecycle.ts. */
export const lifecycleDe = {
  "lifecycle.busy.title": "Das Portal ist gerade nicht erreichbar",
  "lifecycle.busy.text":
    "Die Datenbank des Portals antwortet im Moment nicht. Es wurde nichts gespeichert. Bitte versuchen Sie es in einer Minute noch einmal – mit „Zurück“ im Browser kommen Sie zu Ihren Eingaben zurück.",
} as const;
