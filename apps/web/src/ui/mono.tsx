import type { ReactNode } from 'react';

const STYLE = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  background: 'rgba(0, 0, 0, 0.04)',
  borderRadius: 3,
  padding: '1px 4px',
} as const;

/** Identifiers, paths and expressions: monospace, wrapping anywhere so long formulas stay in their cell. */
export function Mono({ children }: { children: ReactNode }) {
  return <code style={STYLE}>{children}</code>;
}
