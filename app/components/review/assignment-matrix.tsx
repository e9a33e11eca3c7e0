import { Link } from "@remix-run/react";
import type { MatrixCell } from "~/forms/assignment-schemas";
import type { MessageKey } from "~/i18n";
import { AskFirstButton } from "../confirm-step";
import { ButtonForm } from "../calls/setup-form";
import { TableScroll } from "../forms";
import { useT } from "../use-t";

export interface MatrixProps {
  jurors: { id: string; name: string; load: number; effectiveMax: number }[];
  rows: {
    id: string;
    title: string;
    bundesland: string;
    reviews: number;
    cells: MatrixCell[];
  }[];
  needed: number;
  page: { current: number; count: number; from: number; to: number };
  total: number;
}

/** The step name of removing one assignment, for the "Really …?" question of the page. */
export const unassignStep = (assignmentId: string) => `unassign-${assignmentId}`;

function Cell({ cell, juror, title, applicationId }: { cell: MatrixCell; juror: { id: string; name: string }; title: string; applicationId: string }) {
  const t = useT();
  switch (cell.kind) {
    case "conflict":
      return <span className="assignment-conflict">{t("assignment.cell.conflict")}</span>;
    case "open":
      return (
        <>
          <ButtonForm
            intent="assign"
            hidden={{ applicationId, jurorId: juror.id }}
            label={t("assignment.cell.assign")}
            accessibleLabel={t("assignment.cell.assignLabel", {
              juror: juror.name,
              title,
            })}
          />
          {cell.preference ? <span className="assignment-note">{t(`assignment.preference.${cell.preference}`)}</span> : null}
        </>
      );
    case "assigned":
      return (
        <>
          {cell.reviewState === "assigned" ? (
            <AskFirstButton
              step={unassignStep(cell.assignmentId)}
              label={t("assignment.cell.unassign")}
              accessibleLabel={t("assignment.cell.unassignLabel", {
                juror: juror.name,
                title,
              })}
              className="primary"
            />
          ) : (
            <span>{t(`assignment.reviewState.${cell.reviewState}` as MessageKey)}</span>
          )}
          {cell.released ? <span className="assignment-note">{t("assignment.cell.released")}</span> : null}
          {cell.inConflict ? <span className="assignment-note assignment-conflict">{t("assignment.cell.conflict")}</span> : null}
        </>
      );
  }
}

/** Applications × jurors: each cell assigns, removes or shows why it cannot; a page of applications at a time. */
export function AssignmentMatrix({ jurors, rows, needed, page, total }: MatrixProps) {
  const t = useT();
  return (
    <>
      <p className="kern-hint">{t("assignment.legend")}</p>
      <TableScroll label={t("assignment.matrixScroll")}>
        <table className="assignment-matrix">
          <caption>
            {t("assignment.matrixCaption", {
              from: page.from,
              to: page.to,
              total,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("assignment.column.application")}</th>
              <th scope="col">{t("assignment.column.count")}</th>
              {jurors.map((juror) => (
                <th scope="col" key={juror.id}>
                  {juror.name}
                  <span className="assignment-note">
                    {t("assignment.load", {
                      load: juror.load,
                      max: juror.effectiveMax,
                    })}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const title = row.title || t("assignment.untitled");
              return (
                <tr key={row.id}>
                  <th scope="row">
                    {title}
                    <span className="assignment-note">{t(`bundesland.${row.bundesland}` as MessageKey)}</span>
                  </th>
                  <td className={row.reviews < needed ? "assignment-short" : undefined}>
                    {t("assignment.countOfNeeded", {
                      count: row.reviews,
                      needed,
                    })}
                  </td>
                  {row.cells.map((cell, index) => (
                    <td key={jurors[index]!.id}>
                      <Cell cell={cell} juror={jurors[index]!} title={title} applicationId={row.id} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {page.count > 1 ? (
        <nav aria-label={t("assignment.pages")}>
          <ul className="assignment-pages">
            {Array.from({ length: page.count }, (_, index) => index + 1).map((number) => (
              <li key={number}>
                {number === page.current ? (
                  <span aria-current="page">{t("assignment.page", { page: number })}</span>
                ) : (
                  <Link to={`?page=${number}`}>{t("assignment.page", { page: number })}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
