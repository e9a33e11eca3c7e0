import { z } from "zod";

// Messages are catalogue keys; the form shows them in the reader's language.
const email = z
  .string({ error: "error.required" })
  .trim()
  .min(1, "error.required")
  .max(254, "error.email")
  .pipe(z.email("error.email"))
  .transform((value) => value.toLowerCase());

const newPassword = z.string({ error: "error.required" }).min(10, "error.passwordShort").max(200, "error.passwordLong");
const name = z.string({ error: "error.required" }).trim().min(1, "error.required").max(120, "error.tooLong");

export const bundeslaender = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"] as const;
export const localeSchema = z.enum(["de", "en"], { error: "error.choose" });

function passwordsMatch<S extends z.ZodType<{ password: string; passwordConfirm: string }>>(schema: S): S {
  return schema.refine((value) => value.password === value.passwordConfirm, {
    message: "error.passwordMismatch",
    path: ["passwordConfirm"],
    // Checked as soon as both passwords are there, even while other fields still have errors, so
    // every message shows at the first attempt.
    when: ({ value }) => {
      const passwords = value as { password?: unknown; passwordConfirm?: unknown } | undefined;
      return typeof passwords?.password === "string" && typeof passwords.passwordConfirm === "string";
    },
  });
}

export const signUpSchema = passwordsMatch(
  z.object({
    name,
    email,
    password: newPassword,
    passwordConfirm: z.string({ error: "error.required" }),
    networkName: z.string({ error: "error.required" }).trim().min(2, "error.required").max(200, "error.tooLong"),
    bundesland: z.enum(bundeslaender, { error: "error.choose" }),
    region: z.string({ error: "error.required" }).trim().min(1, "error.required").max(200, "error.tooLong"),
  }),
);

export const logInSchema = z.object({
  email,
  password: z.string({ error: "error.required" }).min(1, "error.required").max(200, "error.passwordLong"),
  redirectTo: z.string().optional(),
});

export const emailOnlySchema = z.object({ email });

export const resetPasswordSchema = passwordsMatch(
  z.object({ password: newPassword, passwordConfirm: z.string({ error: "error.required" }) }),
);

export const profileSchema = z.object({ name, locale: localeSchema });

export const changePasswordSchema = passwordsMatch(
  z.object({
    currentPassword: z.string({ error: "error.required" }).min(1, "error.required"),
    password: newPassword,
    passwordConfirm: z.string({ error: "error.required" }),
  }),
);

export const invitableRoles = ["JUROR", "MANAGER", "STATE_COORDINATOR", "ADMIN"] as const;

export const inviteSchema = z.object({
  name,
  email,
  role: z.enum(invitableRoles, { error: "error.choose" }),
  programmeId: z.string().trim().optional(),
  bundesland: z.enum(bundeslaender, { error: "error.choose" }).optional(),
  locale: localeSchema,
});

export const acceptInvitationSchema = resetPasswordSchema;
