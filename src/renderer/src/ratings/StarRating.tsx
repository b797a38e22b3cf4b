// Five star buttons: the nth sets n stars, the current rating's star clears it (as iTunes and
// foobar2000 do), so no separate "clear" control is needed.
import type { MouseEvent } from 'react';
import '../styles/ratings.css';

interface Props {
  rating: number | null;
  onRate(rating: number | null): void;
  /** Row cells: the stars are reached by the table's keys, not one Tab stop each. */
  inTable?: boolean;
}

const plural = (n: number) => `${n} star${n === 1 ? '' : 's'}`;

// In a row, a click on a star rates and neither selects the row nor plays it.
const keepFromRow = (event: MouseEvent) => event.stopPropagation();

export function StarRating({ rating, onRate, inTable = false }: Props) {
  const value = rating ?? 0;
  return (
    <span
      className="star-rating"
      role="group"
      aria-label={value ? `Rating: ${plural(value)}` : 'Not rated'}
      data-rating={value}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          className={n <= value ? 'star on' : 'star'}
          aria-label={`Rate ${plural(n)}`}
          title={n === value ? 'Clear the rating' : `Rate ${plural(n)}`}
          aria-pressed={n <= value}
          tabIndex={inTable ? -1 : undefined}
          onMouseDown={inTable ? keepFromRow : undefined}
          onDoubleClick={inTable ? keepFromRow : undefined}
          onClick={(event) => {
            event.stopPropagation();
            onRate(n === value ? null : n);
          }}
        >
          ★
        </button>
      ))}
    </span>
  );
}
