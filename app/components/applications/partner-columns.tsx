import { useT } from "../use-t";

/**
 * The column heads of a partner table: the questions the application form asks about each partner,
 * the same in the form, its preview, the answers and the PDF.
 */
export function PartnerColumns() {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t("applications.partners.name")}</th>
        <th scope="col">{t("applications.partners.type")}</th>
        <th scope="col">{t("applications.partners.role")}</th>
        <th scope="col">{t("applications.partners.letter")}</th>
      </tr>
    </thead>
  );
}
