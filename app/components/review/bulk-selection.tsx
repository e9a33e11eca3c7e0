import { Link } from "@remix-run/react";

/**
 * The pieces of a list whose rows are ticked for one step on all of them (the eligibility check's
 * decisions, the release of decisions): each row's checkbox belongs to the page's bulk form through
 * the `form` attribute, so the row can carry small forms of its own; it posts "id@version", so a row
 * changed since the page was shown is refused, not overwritten.
 */
export const selectionOf = (row: { id: string; version: number }) => `${row.id}@${row.version}`;

export function SelectionCheckbox(props: { row: { id: string; version: number }; form: string; ticked: ReadonlySet<string>; label: string }) {
  const value = selectionOf(props.row);
  return <input type="checkbox" form={props.form} name="selected" value={value} defaultChecked={props.ticked.has(value)} aria-label={props.label} />;
}

/** The row's heading: the network, linked to the manager's view of the application, with its title below. */
export function ApplicationRowHeader({ row }: { row: { id: string; title: string; network: { name: string } } }) {
  return (
    <th scope="row">
      <Link to={`/manager/applications/${row.id}`}>{row.network.name}</Link>
      {row.title ? <div className="kern-hint">{row.title}</div> : null}
    </th>
  );
}
