// A checkbox with its explanation below it, read out with it (aria-describedby): a session's options.
export function CheckWithHint({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={id} />
        <span>{label}</span>
      </label>
      <p id={id} className="hint">
        {hint}
      </p>
    </>
  );
}
