import type { RankingBasis } from "~/generated/prisma/enums";
import { exportTableNames } from "~/forms/exports";
import { useT } from "../use-t";

/**
 * The links to a stage's export, for the pages a manager works on it from (the ranking passes the
 * basis it shows; elsewhere the stage's own basis is used). Plain links: the browser downloads.
 */
export function StageExportLinks({ callId, stageId, basis, stageName = null }: { callId: string; stageId: string; basis: RankingBasis; stageName?: string | null }) {
  const t = useT();
  const base = `/manager/calls/${callId}/stages/${stageId}`;
  const basisName = t(`trail.export.basis.${basis}`);
  return (
    <section aria-labelledby={`export-${stageId}`}>
      <h2 id={`export-${stageId}`}>{stageName ? t("trail.export.headingOfStage", { stage: stageName }) : t("trail.export.heading")}</h2>
      <p className="kern-hint">{t("trail.export.intro")}</p>
      <ul>
        <li>
          <a href={`${base}/export.xlsx?basis=${basis}`} download>
            {t("trail.export.xlsx", { basis: basisName })}
          </a>
        </li>
        {exportTableNames.map((table) => (
          <li key={table}>
            <a href={`${base}/export.csv?table=${table}&basis=${basis}`} download>
              {t(`trail.export.csv.${table}`, { basis: basisName })}
            </a>
          </li>
        ))}
      </ul>
      <p className="kern-hint">{t("trail.export.csvNote")}</p>
    </section>
  );
}
