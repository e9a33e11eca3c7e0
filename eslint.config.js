import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["build/", "app/generated/", "node_modules/", "data/", "test-results/", "playwright-report/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // Imports point downwards only: routes -> server areas (and app/server/web) -> ground modules;
  // components and app/forms stay free of server code; workflows/ and emails/ are reached by alias.
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: boundaries() }] },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx", "app/entry.*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...boundaries(), { regex: "(^|/)db\\.server$", message: "Routes reach the database through a domain module in app/server/<area>/." }] },
      ],
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}", "app/forms/**/*.ts", "app/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...boundaries(), { regex: "(^~/server/|\\.server$)", message: "Components, forms and catalogues never import server code." }] },
      ],
    },
  },
  {
    files: ["app/server/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...boundaries(), { regex: "^(~/(components|routes)/|~/root$|(\\.\\./)+(components|routes)/)", message: "Server code never imports UI; move shared constants and types to app/forms." }] },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.mjs", "tests/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly", URL: "readonly" } },
  },
);

/** Patterns every file under app/ obeys: the top-level folders beside app/ are reached by their aliases. */
function boundaries() {
  return [{ regex: "^(\\.\\./)+(workflows|emails|prisma)/", message: "Use the path aliases @workflows/, @emails/ and @seed/." }];
}
