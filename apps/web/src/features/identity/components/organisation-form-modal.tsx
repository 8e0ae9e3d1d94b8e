import {
  ORGANISATION_KINDS,
  REGION_CLASSES,
  type CreateOrganisationBody,
  type Organisation,
  type OrganisationKind,
  type RegionClass,
  type UpdateOrganisationBody,
} from '@shenbao/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { createOrganisation, updateOrganisation } from '../api.ts';
import { creditCodeProblem, creditCodeRequired, divisionCodeProblem } from '../organisation-rules.ts';
import { ParentOrganisationSelect } from './parent-organisation-select.tsx';

interface OrganisationFormValues {
  name: string;
  kind?: OrganisationKind;
  parentId?: string;
  divisionCode: string;
  regionClass?: RegionClass | null;
  creditCode?: string;
}

const FIELDS = ['name', 'kind', 'parentId', 'divisionCode', 'regionClass', 'creditCode'] as const;

type OrganisationFormModalProps = {
  open: boolean;
  onClose: () => void;
  onSaved: (organisation: Organisation) => void;
} & ({ mode: 'create'; defaultParentId?: string } | { mode: 'edit'; organisation: Organisation });

function initialValues(props: OrganisationFormModalProps): Partial<OrganisationFormValues> {
  if (props.mode === 'create') return { parentId: props.defaultParentId };
  const o = props.organisation;
  return { name: o.name, divisionCode: o.divisionCode, regionClass: o.regionClass, creditCode: o.creditCode ?? '' };
}

function createBody(values: OrganisationFormValues): CreateOrganisationBody | null {
  if (!values.kind || !values.parentId) return null;
  return {
    name: values.name.trim(),
    kind: values.kind,
    parentId: values.parentId,
    divisionCode: values.divisionCode,
    regionClass: values.regionClass ?? null,
    creditCode: values.creditCode || null,
  };
}

function updateBody(values: OrganisationFormValues): UpdateOrganisationBody {
  return {
    name: values.name.trim(),
    divisionCode: values.divisionCode,
    regionClass: values.regionClass ?? null,
    creditCode: values.creditCode || null,
  };
}

/** 新增组织 / 编辑组织 in one modal: kind and parent are fixed once created. */
export function OrganisationFormModal(props: OrganisationFormModalProps) {
  const { open, onClose, onSaved, mode } = props;
  const { t, labels } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganisationFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const fixedKind = props.mode === 'edit' ? props.organisation.kind : undefined;
  const chosenKind = Form.useWatch('kind', form) ?? fixedKind;

  const submit = async () => {
    let values: OrganisationFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    setSaving(true);
    setErrors([]);
    try {
      let saved: Organisation;
      if (props.mode === 'edit') {
        saved = await updateOrganisation(props.organisation.id, updateBody(values));
        message.success(t('org.updated'));
      } else {
        const body = createBody(values);
        if (!body) return;
        saved = await createOrganisation(body);
        message.success(t('org.created', { name: saved.name }));
      }
      onSaved(saved);
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(mode === 'create' ? 'org.create' : 'org.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} />}
      <Form<OrganisationFormValues> form={form} layout="vertical" initialValues={initialValues(props)} preserve={false}>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('org.name') }) },
            { min: 2, max: 100 },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {mode === 'create' && (
          <>
            <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('common.choose', { field: t('org.kind') }) }]}>
              <Select<OrganisationKind> options={ORGANISATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
            </Form.Item>
            <Form.Item name="parentId" label={t('org.parent')} rules={[{ required: true, message: t('common.choose', { field: t('org.parent') }) }]}>
              <ParentOrganisationSelect />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="divisionCode"
          label={t('org.divisionCode')}
          normalize={(value: string) => value.replace(/\s/g, '')}
          rules={[
            { required: true, message: t('common.enter', { field: t('org.divisionCode') }) },
            {
              validator: (_rule, value: string | undefined) => {
                const problem = value ? divisionCodeProblem(value) : null;
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={6} inputMode="numeric" placeholder="例如 440300" />
        </Form.Item>
        <Form.Item name="regionClass" label={t('org.regionClass')} extra={t('org.regionClassHint')}>
          <Select<RegionClass> allowClear options={REGION_CLASSES.map((r) => ({ value: r, label: labels.region(r) }))} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('org.creditCode')}
          required={creditCodeRequired(chosenKind)}
          dependencies={['kind']}
          normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                // Read the kind at validation time: the watched value lags one render behind.
                const kind = (getFieldValue('kind') as OrganisationKind | undefined) ?? fixedKind;
                const problem = creditCodeProblem(value ?? '', kind);
                if (!problem) return Promise.resolve();
                return Promise.reject(new Error(t(problem, { kind: kind ? labels.kind(kind) : '' })));
              },
            }),
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
