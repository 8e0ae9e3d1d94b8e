import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A narrow card in the middle of an otherwise empty page (sign-in, activation). */
export function CenteredCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(180deg, #0b3a82 0%, #1d4ed8 45%, #f0f2f5 45%)',
      }}
    >
      <Card style={{ width: 460, maxWidth: '100%' }}>
        {/* Not the Card title: that one truncates, and the platform's full name must show. */}
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8, marginBottom: 24 }}>
          <div style={{ flex: 1 }}>{title}</div>
          {extra}
        </div>
        {children}
      </Card>
    </div>
  );
}
