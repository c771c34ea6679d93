// A vertical splitter between two columns: drag with the pointer or focus it and use the arrow keys.
import { useRef } from 'react';

interface ResizerProps {
  label: string;
  /** The width of the column on the left, in percent of the window. */
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}

export default function Resizer({ label, value, min, max, onChange }: ResizerProps) {
  const drag = useRef<{ x: number; value: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  return (
    <div
      className="resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 10 : 2;
        if (e.key === 'ArrowLeft') onChange(clamp(value - step));
        else if (e.key === 'ArrowRight') onChange(clamp(value + step));
        else return;
        e.preventDefault();
      }}
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        onChange(clamp(drag.current.value + ((e.clientX - drag.current.x) / window.innerWidth) * 100));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
    />
  );
}
