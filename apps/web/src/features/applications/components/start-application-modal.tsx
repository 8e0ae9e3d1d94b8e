import type { ApplicationDetail, User } from '@shenbao/contracts';
import { Alert, Button, Cascader, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { directionOptions } from '../../../forms/form-model.ts';
import { listUsers } from '../../identity/api.ts';
import type { CallPack } from '../../programs/api.ts';
import { createApplication } from '../api.ts';
import { formCategories } from '../start-options.ts';

interface StartApplicationModalProps {
  open: boolean;
  pack: CallPack;
  organisationId: string;
  onClose: () => void;
  onCreated: (detail: ApplicationDetail) => void;
}

const AUTO_CHANNEL = '';

/** 开始申报: the category (which decides the form), the direction, optionally the channel and the fillers. */
export function StartApplicationModal({ open, pack, organisationId, onClose, onCreated }: StartApplicationModalProps) {
  const { t } = useI18n();
  const categories = useMemo(() => formCategories(pack), [pack]);
  const [categoryId, setCategoryId] = useState<string | undefined>(categories.length === 1 ? categories[0]?.category.id : undefined);
  const [directionId, setDirectionId] = useState<string | undefined>();
  const [channelId, setChannelId] = useState<string>(AUTO_CHANNEL);
  const [fillerIds, setFillerIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const users = useRequest((signal) => (open ? listUsers(organisationId, signal) : Promise.resolve({ items: [] as User[] })), [organisationId, open]);

  const chosen = categories.find((c) => c.category.id === categoryId);
  const leaf = chosen && !chosen.category.children?.length;
  const options = useMemo(() => (chosen?.category.children ? directionOptions(chosen.category.children) : []), [chosen]);
  const channelLabel = (id: string) => pack.program.channels.find((c) => c.id === id)?.label ?? id;
  const fillers = (users.data?.items ?? []).filter((u) => u.status !== 'removed' && u.roles.includes('applicant_filler'));
  const direction = leaf ? chosen.category.id : directionId;

  const submit = async () => {
    if (!chosen || !direction) {
      setError(t(chosen ? 'start.directionRequired' : 'start.categoryRequired'));
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const detail = await createApplication({
        callId: pack.call.id,
        formId: chosen.formId,
        directionId: direction,
        ...(channelId ? { channelId } : {}),
        ...(fillerIds.length > 0 ? { fillerIds } : {}),
      });
      onCreated(detail);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setCreating(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('start.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="create" type="primary" loading={creating} disabled={!chosen || !direction} onClick={() => void submit()} data-testid="start-confirm">
          {t('start.create')}
        </Button>,
      ]}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{pack.call.title}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="start-error" />}
      <Form layout="vertical" component="div">
        <Form.Item label={t('start.category')} required>
          <Radio.Group
            value={categoryId}
            onChange={(e) => {
              setCategoryId(e.target.value as string);
              setDirectionId(undefined);
              setChannelId(AUTO_CHANNEL);
            }}
            data-testid="start-category"
          >
            <Space direction="vertical">
              {categories.map((c) => (
                <Radio key={c.category.id} value={c.category.id} data-testid={`start-category-${c.category.id}`}>
                  {c.category.label}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {c.formTitle}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {chosen && !leaf && (
          <Form.Item label={t('start.direction')} required>
            <Cascader
              options={options}
              placeholder={t('form.chooseDirection')}
              onChange={(path) => setDirectionId(Array.isArray(path) && path.length > 0 ? String(path[path.length - 1]) : undefined)}
              showSearch={{ filter: (input, nodes) => nodes.some((n) => String(n.label).includes(input)) }}
              style={{ width: '100%' }}
              data-testid="start-direction"
            />
          </Form.Item>
        )}
        {chosen && chosen.channels.length > 1 && (
          <Form.Item label={t('start.channel')} extra={t('start.channelHint')}>
            <Select<string>
              value={channelId}
              onChange={setChannelId}
              options={[{ value: AUTO_CHANNEL, label: t('start.channelAuto') }, ...chosen.channels.map((id) => ({ value: id, label: channelLabel(id) }))]}
              data-testid="start-channel"
            />
          </Form.Item>
        )}
        <Form.Item label={t('start.fillers')} extra={t('start.fillersHint')}>
          <Select<string[]>
            mode="multiple"
            value={fillerIds}
            onChange={setFillerIds}
            loading={users.loading}
            options={fillers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            placeholder={t('start.fillersPlaceholder')}
            data-testid="start-fillers"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
