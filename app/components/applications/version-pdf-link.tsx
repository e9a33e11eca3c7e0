import { useT } from "~/components/use-t";

/** Downloads a submitted version as the PDF the network received with its confirmation. */
export function VersionPdfLink({ applicationId, versionNumber }: { applicationId: string; versionNumber: number }) {
  const t = useT();
  return (
    <a href={`/applications/${encodeURIComponent(applicationId)}/versions/${versionNumber}/pdf`} download>
      {t("applications.versions.pdf", { number: versionNumber })}
    </a>
  );
}
