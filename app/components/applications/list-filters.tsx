import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../use-t";

/** One choice of a list's filter form: "any" first, then the given options. */
export function FilterSelect(props: { id: string; name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{t("applicationList.any")}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A count that narrows the list when followed, marked while it is the list's current filter. */
export function CountLink(props: { to: string; current: boolean; children: ReactNode }) {
  return (
    <li>
      <Link to={props.to} aria-current={props.current ? "true" : undefined}>
        {props.children}
      </Link>
    </li>
  );
}

/** The filter form's buttons: apply, and reset (to `resetTo`) while something is filtered. */
export function FilterButtons({ filtered, resetTo }: { filtered: boolean; resetTo: string }) {
  const t = useT();
  return (
    <p>
      <button type="submit" className="kern-btn kern-btn--primary">
        {t("applicationList.apply")}
      </button>{" "}
      {filtered ? <Link to={resetTo}>{t("applicationList.reset")}</Link> : null}
    </p>
  );
}
