import { useSearchParams } from "@remix-run/react";
import { bundeslaender } from "~/forms/account-schemas";
import { jurorProfileSchema } from "~/forms/review-jury-schemas";
import { ChoiceGroup, InputField, SelectInput } from "../calls/fields";
import { SetupForm } from "../calls/setup-form";
import { Notice } from "../forms";
import { useT } from "../use-t";

export interface JurorProfile {
  organisation: string;
  emailDomains: string[];
  bundesland: string | null;
  areaIds: string[];
  programmes: { id: string; name: string; expertise: { id: string; name: string }[] }[];
}

/** The juror's part of their profile: what conflicts are found by, and their areas of expertise per programme whose jury they sit on. */
export function JurorProfileForm({ profile }: { profile: JurorProfile }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const saved = { organisation: profile.organisation, emailDomains: profile.emailDomains.join(", "), bundesland: profile.bundesland ?? "", areaIds: profile.areaIds };
  return (
    <section aria-labelledby="juror-profile-heading">
      <h2 id="juror-profile-heading">{t("reviewJury.profile.heading")}</h2>
      <p>{t("reviewJury.profile.intro")}</p>
      {searchParams.get("juror-saved") ? <Notice>{t("reviewJury.profile.saved")}</Notice> : null}
      {/* Keyed by what is saved: after saving, the form shows the values as stored (domains lower-cased), not as typed. */}
      <SetupForm
        key={JSON.stringify(saved)}
        id="juror-profile"
        intent="juror-profile"
        schema={jurorProfileSchema}
        labelledBy="juror-profile-heading"
        submitLabel={t("reviewJury.profile.save")}
        defaultValue={saved}
      >
        <InputField name="organisation" label={t("reviewJury.profile.organisation")} autoComplete="organization" />
        <InputField name="emailDomains" label={t("reviewJury.profile.domains")} hint={t("reviewJury.profile.domainsHint")} />
        <SelectInput name="bundesland" label={t("reviewJury.profile.bundesland")} placeholder={t("reviewJury.jury.notGiven")} options={bundeslaender.map((land) => ({ value: land, label: t(`bundesland.${land}`) }))} />
        {profile.programmes.length === 0 ? <p className="kern-hint">{t("reviewJury.profile.noProgrammes")}</p> : null}
        {profile.programmes.map((programme) => (
          <ChoiceGroup
            key={programme.id}
            name="areaIds"
            type="checkbox"
            legend={t("reviewJury.profile.expertise", { programme: programme.name })}
            options={programme.expertise.map((area) => ({ value: area.id, label: area.name }))}
          />
        ))}
      </SetupForm>
    </section>
  );
}
