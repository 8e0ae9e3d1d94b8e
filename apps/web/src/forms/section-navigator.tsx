import { Anchor, Badge, Space } from 'antd';
import { useFormRenderer } from './form-context.tsx';
import { sectionAnchor } from './form-renderer.tsx';

interface SectionNavigatorProps {
  /** Errors per section id. */
  errorCounts: ReadonlyMap<string, number>;
  /** Sections with changes not yet saved. */
  dirty?: ReadonlySet<string>;
  onChange?: (sectionId: string) => void;
  offsetTop?: number;
}

/** The section list on the left: jump to a section; the badge counts its errors. */
export function SectionNavigator({ errorCounts, dirty, onChange, offsetTop = 16 }: SectionNavigatorProps) {
  const { form } = useFormRenderer();
  return (
    <div data-testid="section-navigator">
      <Anchor
        offsetTop={offsetTop}
        targetOffset={offsetTop + 8}
        onChange={(link) => {
          const id = link.replace(/^#section-/, '');
          if (id && id !== link) onChange?.(id);
        }}
        items={form.sections.map((section, index) => {
          const errors = errorCounts.get(section.id) ?? 0;
          return {
            key: section.id,
            href: `#${sectionAnchor(section.id)}`,
            title: (
              <Space size={6} data-testid={`nav-${section.id}`} data-errors={errors}>
                <span>
                  {index + 1}. {section.title}
                </span>
                {dirty?.has(section.id) && <Badge status="processing" />}
                <Badge count={errors} size="small" overflowCount={99} />
              </Space>
            ),
          };
        })}
      />
    </div>
  );
}
