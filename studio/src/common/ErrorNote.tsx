/** An error as the user should read it: what went wrong and what to do (the server's message says both). */
export function ErrorNote({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-note" role="alert">
      <span>{message}</span>
      {onDismiss && <button aria-label="Dismiss" onClick={onDismiss}>×</button>}
    </div>
  );
}
