import { isMobileNumber, type Invitation, type InviteUserBody, type Role } from '@shenbao/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { inviteUser } from '../api.ts';

interface InviteFormValues {
  username: string;
  displayName: string;
  email?: string;
  mobile?: string;
  roles: Role[];
}

const FIELDS = ['username', 'displayName', 'email', 'mobile', 'roles'] as const;
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

interface InviteUserModalProps {
  open: boolean;
  organisationId: string;
  roles: Role[];
  onClose: () => void;
  onInvited: (invitation: Invitation) => void;
}

function toBody(values: InviteFormValues): InviteUserBody {
  return {
    username: values.username,
    displayName: values.displayName.trim(),
    ...(values.email ? { email: values.email } : {}),
    ...(values.mobile ? { mobile: values.mobile } : {}),
    roles: values.roles,
  };
}

/** 邀请用户: creates the account in 待激活 state; the link to set a password is shown next. */
export function InviteUserModal({ open, organisationId, roles, onClose, onInvited }: InviteUserModalProps) {
  const { t, labels } = useI18n();
  const [form] = Form.useForm<InviteFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: InviteFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      onInvited(await inviteUser(organisationId, toBody(values)));
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.invite')}
      okText={t('users.invite')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} />}
      <Form<InviteFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ roles: roles.length === 1 ? roles : [] }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          normalize={(value: string) => value.trim().toLowerCase()}
          rules={[
            { required: true, message: t('common.enter', { field: t('users.username') }) },
            { min: 3, max: 64, message: t('users.usernameFormat') },
            { pattern: USERNAME_PATTERN, message: t('users.usernameFormat') },
          ]}
        >
          <Input maxLength={64} autoComplete="off" data-testid="invite-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('users.displayName') }) }]}
        >
          <Input maxLength={50} data-testid="invite-display-name" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('users.mobile')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value || isMobileNumber(value) ? Promise.resolve() : Promise.reject(new Error(t('users.mobileInvalid'))),
            },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('users.rolesRequired') }]}>
          <Select<Role[]> mode="multiple" options={roles.map((r) => ({ value: r, label: labels.role(r) }))} data-testid="invite-roles" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
