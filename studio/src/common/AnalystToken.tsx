import { useState } from "react";
import { tokens } from "../api.ts";

/** Where an analyst pastes the token the server printed at its first start; kept in this browser only. */
export function AnalystToken() {
  const [value, setValue] = useState(tokens.analyst());
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <button className="token-button" onClick={() => setEditing(true)} title="Analysts may save graphs and read every run">
        {value ? "Analyst ✓" : "Analyst token…"}
      </button>
    );
  }
  return (
    <form
      className="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        tokens.setAnalyst(value.trim());
        setEditing(false);
      }}
    >
      <input aria-label="Analyst token" autoFocus type="password" placeholder="analyst_…" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">Save</button>
    </form>
  );
}
