import { FIELD_LABELS, operatorsOf, VALUE_HINTS, type RowField, type RuleRow } from './rule-rows.ts';

interface Props {
  row: RuleRow;
  index: number;
  problem: string | null;
  onChange(row: RuleRow): void;
  onRemove(): void;
}

/** One rule: field, operator, value; a field change keeps the value when the operator still fits. */
export function RuleRowEditor({ row, index, problem, onChange, onRemove }: Props) {
  const operators = operatorsOf(row.field);
  const n = index + 1;
  return (
    <li className={problem ? 'rule-row invalid' : 'rule-row'}>
      <select
        aria-label={`Rule ${n} field`}
        value={row.field}
        onChange={(event) => {
          const field = event.target.value as RowField;
          const ops = operatorsOf(field);
          onChange({ field, op: ops.some(([op]) => op === row.op) ? row.op : ops[0]![0], value: row.value });
        }}
      >
        {FIELD_LABELS.map(([field, label]) => (
          <option key={field} value={field}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label={`Rule ${n} operator`}
        value={row.op}
        onChange={(event) => onChange({ ...row, op: event.target.value })}
      >
        {operators.map(([op, label]) => (
          <option key={op} value={op}>
            {label}
          </option>
        ))}
      </select>
      {row.op !== 'never' && (
        <input
          aria-label={`Rule ${n} value`}
          aria-invalid={problem !== null}
          placeholder={VALUE_HINTS[row.field] ?? ''}
          value={row.value}
          onChange={(event) => onChange({ ...row, value: event.target.value })}
        />
      )}
      <button type="button" className="link" aria-label={`Remove rule ${n}`} onClick={onRemove}>
        ✕
      </button>
      {problem && <span className="rule-problem">{problem}</span>}
    </li>
  );
}
