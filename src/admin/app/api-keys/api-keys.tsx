import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { useConfirm } from '../ui/confirm.tsx';
import { DataTable, RowAction } from '../ui/data-table.tsx';
import { Field, Notice, RefusalMessage, TextField } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { describeRefusal, useSubmit } from '../ui/refusal.ts';

interface ApiKey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The signed-in staff member's own API keys: list, create (the secret shown once), revoke. */
export function ApiKeysScreen() {
  const { t, formatTime } = useApp();
  const list = useLoad(() => api<{ apiKeys: ApiKey[] }>('GET', '/api-keys').then((answer) => answer.apiKeys));
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ name: string; key: string } | undefined>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const submit = useSubmit('apiKeys');
  const [dialog, confirm] = useConfirm();

  const create = async (event: Event) => {
    event.preventDefault();
    const named = name;
    await submit.run(async () => {
      const answer = await api<{ id: string; key: string }>('POST', '/api-keys', { name: named });
      setMade({ name: named, key: answer.key });
      setName('');
      list.reload();
    });
  };
  const revoke = async (key: ApiKey) => {
    if (
      !(await confirm({
        title: t('apiKeys.revokeTitle', { name: key.name }),
        body: t('apiKeys.revokeBody'),
        confirm: t('apiKeys.revoke'),
        danger: true,
      }))
    )
      return;
    setError('');
    try {
      await api('DELETE', `/api-keys/${key.id}`);
      setNotice(t('apiKeys.revoked', { name: key.name }));
      list.reload();
    } catch (caught) {
      setError(describeRefusal(t, caught, 'apiKeys').message);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('apiKeys.title')}</h1>
      <p>{t('apiKeys.intro')}</p>
      <Notice>{notice}</Notice>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {made ? (
        <NewKey
          made={made}
          onDone={() => {
            setMade(undefined);
            requestAnimationFrame(() => document.getElementById('api-key-name')?.focus());
          }}
        />
      ) : (
        <form class="panel" onSubmit={create} ref={submit.formRef} noValidate aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">{t('apiKeys.new')}</h2>
          <RefusalMessage refusal={submit.refusal} />
          <TextField
            id="api-key-name"
            label={t('apiKeys.name')}
            hint={t('apiKeys.nameHint')}
            value={name}
            onInput={setName}
            error={submit.fieldError('name')}
            maxLength={100}
          />
          <button type="submit" disabled={submit.busy}>
            {t('apiKeys.create')}
          </button>
        </form>
      )}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && (
        <DataTable
          caption={t('apiKeys.title')}
          rows={list.data}
          rowKey={(key) => key.id}
          empty={t('apiKeys.empty')}
          columns={[
            { header: t('apiKeys.name'), rowHeader: true, cell: (key) => key.name },
            { header: t('apiKeys.created'), cell: (key) => formatTime(key.createdAt) },
            {
              header: t('apiKeys.lastUsed'),
              cell: (key) => (key.lastUsedAt ? formatTime(key.lastUsedAt) : t('apiKeys.never')),
            },
            {
              header: t('ui.actions'),
              cell: (key) => <RowAction label={t('apiKeys.revoke')} rowName={key.name} onClick={() => revoke(key)} />,
            },
          ]}
        />
      )}
      {dialog}
    </>
  );
}

/** The new key, shown this once, with a button that copies it. */
function NewKey(props: { made: { name: string; key: string }; onDone: () => void }) {
  const { t } = useApp();
  const [copied, setCopied] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.made.key);
      setCopied(t('apiKeys.copied'));
    } catch {
      field.current?.select();
      setCopied(t('apiKeys.copyFailed'));
    }
  };
  return (
    <section class="panel new-key" aria-labelledby="new-key-secret-heading">
      <h2 id="new-key-secret-heading" tabIndex={-1} ref={heading}>
        {t('apiKeys.secretTitle', { name: props.made.name })}
      </h2>
      <p id="new-key-once">{t('apiKeys.secretOnce')}</p>
      <Field id="new-key-secret" label={t('apiKeys.secret')}>
        {(control) => (
          <input
            {...control}
            ref={field}
            class="mono"
            readOnly
            value={props.made.key}
            aria-describedby="new-key-once"
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div class="buttons">
        <button type="button" onClick={copy}>
          {t('apiKeys.copy')}
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          {t('apiKeys.done')}
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  );
}
