/** The server's messages about one field, shown beside it (its control points here with aria-describedby). */
export function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return <span id={id} className="field-error">{messages.join("; ")}</span>;
}
