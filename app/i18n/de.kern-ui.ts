/** German texts of the page frame (menu, footer, legal pages); the English twin is en.kern-ui.ts. */
export const kernUiDe = {
  "nav.menu": "Menü",
  "footer.label": "Rechtliches",
  "legal.impressum.title": "Impressum",
  "legal.datenschutz.title": "Datenschutzerklärung",
  "legal.barrierefreiheit.title": "Erklärung zur Barrierefreiheit",
  "legal.otherLanguage": "Diesen Text gibt es nur auf Englisch.",
};
