import { CheckSquareOutlined, EyeOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { DocumentDownloads } from '../../documents/components/document-downloads.tsx';

interface EditorToolbarProps {
  applicationId: string;
  editable: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  saveStatus: ReactNode;
  errorCount: number;
  warningCount: number;
  saving: boolean;
  checking: boolean;
  onSave: () => void;
  onCheck: () => void;
  onIssues: () => void;
  onSubmit: () => void;
  onWithdraw: () => void;
}

const BAR_STYLE = {
  position: 'sticky',
  top: 0,
  zIndex: 20,
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 12,
  padding: '10px 16px',
  marginBottom: 16,
  background: '#fff',
  borderRadius: 6,
  boxShadow: '0 2px 8px rgba(0, 0, 0, 0.08)',
} as const;

/** The bar that stays on screen: save state and the editor's actions. */
export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useI18n();
  const { applicationId, editable, canSubmit, canWithdraw, saveStatus, errorCount, warningCount } = props;
  return (
    <div style={BAR_STYLE} data-testid="editor-toolbar">
      {editable && saveStatus}
      <span style={{ flex: 1 }} />
      <Space wrap>
        {editable && (
          <Button icon={<SaveOutlined />} loading={props.saving} onClick={props.onSave} data-testid="save-now">
            {t('common.save')}
          </Button>
        )}
        <Button icon={<CheckSquareOutlined />} loading={props.checking} onClick={props.onCheck} data-testid="check">
          {t('editor.check')}
        </Button>
        <Badge count={errorCount} size="small" offset={[-4, 0]}>
          <Badge count={errorCount === 0 ? warningCount : 0} size="small" color="gold" offset={[-4, 0]}>
            <Button icon={<UnorderedListOutlined />} onClick={props.onIssues} data-testid="issues-open">
              {t('issues.title')}
            </Button>
          </Badge>
        </Badge>
        <Link to={`/applications/${applicationId}/preview`} target="_blank" data-testid="preview-link">
          <Button icon={<EyeOutlined />}>{t('editor.preview')}</Button>
        </Link>
        <DocumentDownloads applicationId={applicationId} />
        {canWithdraw && (
          <Button danger icon={<RollbackOutlined />} onClick={props.onWithdraw} data-testid="withdraw">
            {t('withdraw.title')}
          </Button>
        )}
        {canSubmit && (
          <Button type="primary" icon={<SendOutlined />} onClick={props.onSubmit} data-testid="submit">
            {t('editor.submit')}
          </Button>
        )}
      </Space>
    </div>
  );
}
