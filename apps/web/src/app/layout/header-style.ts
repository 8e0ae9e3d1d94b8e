/** The dark blue bar at the top of every frame. */
export const HEADER_STYLE = {
  display: 'flex',
  alignItems: 'center',
  gap: 16,
  padding: '0 24px',
  background: '#0b3a82',
  color: '#fff',
} as const;
