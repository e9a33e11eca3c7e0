import type { kernUiDe } from "./de.kern-ui";

export const kernUiEn: Record<keyof typeof kernUiDe, string> = {
  "nav.menu": "Menu",
  "footer.label": "Legal",
  "legal.impressum.title": "Legal notice",
  "legal.datenschutz.title": "Privacy policy",
  "legal.barrierefreiheit.title": "Accessibility statement",
  "legal.otherLanguage": "This text is available in German only.",
};
