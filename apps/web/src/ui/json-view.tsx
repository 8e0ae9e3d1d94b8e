import { Typography } from 'antd';

/** Pretty-printed JSON, monospace, scrolling when wide. */
export function JsonView({ value }: { value: unknown }) {
  return (
    <Typography.Paragraph style={{ margin: 0 }}>
      <pre style={{ margin: 0, maxHeight: 360, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>
    </Typography.Paragraph>
  );
}
