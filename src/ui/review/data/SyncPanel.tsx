// The Data view's Sync section: the reader's own CouchDB account and an optional passphrase,
// checked here field by field and then by the server before anything is kept; once on, what the
// last run moved or why it failed, "Sync now" and "Turn off sync". The password and passphrase
// go to the background once and are never shown or read back.
import { useEffect, useRef, useState } from 'preact/hooks';
import { askBackground } from '../../../shared/ask-background';
import {
  checkSyncSettings,
  SYNC_LIMITS,
  type SyncAccount,
  type SyncField,
  type SyncInput,
  type SyncProblems,
  type SyncStatus,
} from '../../../shared/sync-settings';
import { exactTime, pendingLine, syncLine } from '../../common/sync-words';
import { useSyncStatus } from '../../common/use-sync-status';

const EMPTY: Record<SyncField, string> = {
  server: '',
  database: '',
  username: '',
  password: '',
  passphrase: '',
};

interface FieldSpec {
  name: SyncField;
  label: string;
  type: 'text' | 'url' | 'password';
  autocomplete: string;
  placeholder?: string;
  max: number;
}

const FIELDS: readonly FieldSpec[] = [
  {
    name: 'server',
    label: 'Server address',
    type: 'url',
    autocomplete: 'url',
    placeholder: 'https://couch.example.org',
    max: SYNC_LIMITS.server,
  },
  {
    name: 'database',
    label: 'Database',
    type: 'text',
    autocomplete: 'off',
    placeholder: 'trailmark-ann',
    max: SYNC_LIMITS.database,
  },
  {
    name: 'username',
    label: 'Username',
    type: 'text',
    autocomplete: 'username',
    max: SYNC_LIMITS.username,
  },
  {
    name: 'password',
    label: 'Password',
    type: 'password',
    autocomplete: 'current-password',
    max: SYNC_LIMITS.password,
  },
  {
    name: 'passphrase',
    label: 'Encryption passphrase (optional)',
    type: 'password',
    autocomplete: 'new-password',
    max: SYNC_LIMITS.passphrase,
  },
];

export const PLAIN_WARNING =
  'Without a passphrase your library goes to the server as it is: whoever runs the server can read every page, highlight, note and goal.';
export const ENCRYPTED_NOTE =
  'With a passphrase everything is encrypted on this device before it leaves, and the server sees only ciphertext. Use the same passphrase on every device; if you lose it, nobody can recover it.';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Field({
  spec,
  value,
  problem,
  note,
  warn = false,
  onInput,
}: {
  spec: FieldSpec;
  value: string;
  problem: string | undefined;
  note?: string;
  /** The note warns (the library would go in clear) instead of informing. */
  warn?: boolean;
  onInput: (value: string) => void;
}) {
  const id = `sync-${spec.name}`;
  const described = [problem ? `${id}-problem` : '', note ? `${id}-note` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`sync-field sync-${spec.name}`}>
      <label class="field" for={id}>
        <span>{spec.label}</span>
      </label>
      <input
        id={id}
        name={spec.name}
        type={spec.type}
        value={value}
        maxLength={spec.max}
        autocomplete={spec.autocomplete}
        spellcheck={false}
        autocapitalize="off"
        placeholder={spec.placeholder}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {problem && (
        <p id={`${id}-problem`} class="field-problem">
          {problem}
        </p>
      )}
      {note && (
        <p id={`${id}-note`} class={`field-note${warn ? ' field-warning' : ''}`}>
          {note}
        </p>
      )}
    </div>
  );
}

function SetupHint() {
  return (
    <details class="sync-hint">
      <summary>How to set up your CouchDB</summary>
      <ol>
        <li>
          Run CouchDB 3 yourself (its official container image or your system’s package), or use a
          hosted CouchDB-compatible service.
        </li>
        <li>Create one database for yourself, such as trailmark-ann.</li>
        <li>
          Create an account that is not an admin and make it the database’s only member. Sync needs
          no admin rights and no CORS setting.
        </li>
        <li>
          Enter the server’s https:// address (plain http:// only on this computer), the database,
          and that account here. On your other devices, enter the same, with the same passphrase.
        </li>
      </ol>
      <p class="muted">The README’s “Sync” section says how, step by step.</p>
    </details>
  );
}

/** The form to turn sync on; keeps nothing until the server has accepted the account. */
function TurnOn({ onOn }: { onOn: (status: SyncStatus) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<SyncProblems>({});
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState('');
  const form = useRef<HTMLFormElement>(null);

  const change = (name: SyncField, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    // Once the problems are shown, each one goes as soon as its field is right.
    if (shown) setProblems(problemsOf(next));
  };
  const problemsOf = (input: SyncInput): SyncProblems => {
    const checked = checkSyncSettings(input);
    return checked.ok ? {} : checked.problems;
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkSyncSettings(values);
    setShown(true);
    setRefused('');
    if (!checked.ok) {
      setProblems(checked.problems);
      const first = FIELDS.find((f) => checked.problems[f.name]);
      form.current?.querySelector<HTMLInputElement>(`#sync-${first?.name ?? 'server'}`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    askBackground('sync.enable', checked.settings)
      .then(
        (reply) => {
          if (reply.refused) setRefused(`Sync stays off: ${reply.refused}`);
          else onOn(reply.status);
        },
        (error: unknown) => setRefused(`Sync stays off: ${reasonOf(error)}`),
      )
      .finally(() => setBusy(false));
  };

  const plain = values.passphrase === '';
  return (
    <form ref={form} class="sync-form" noValidate onSubmit={submit}>
      <div class="sync-fields">
        {FIELDS.map((spec) => (
          <Field
            key={spec.name}
            spec={spec}
            value={values[spec.name]}
            problem={problems[spec.name]}
            {...(spec.name === 'passphrase'
              ? { note: plain ? PLAIN_WARNING : ENCRYPTED_NOTE, warn: plain }
              : {})}
            onInput={(value) => change(spec.name, value)}
          />
        ))}
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Checking the server…' : 'Turn on sync'}
        </button>
      </div>
      <div role="alert" data-testid="sync-refused">
        {refused && <p class="import-error">{refused}</p>}
      </div>
    </form>
  );
}

function AccountLine({ account }: { account: SyncAccount }) {
  return (
    <>
      <p data-testid="sync-account">
        Syncing with the database <strong>{account.database}</strong> on{' '}
        <strong>{account.server}</strong> as <strong>{account.username}</strong>.
      </p>
      <p data-testid="sync-encryption" class={account.encrypted ? undefined : 'sync-plain'}>
        {account.encrypted
          ? 'Encrypted on this device: the server sees only ciphertext.'
          : `Not encrypted: the server can read your library. Turn sync off and on again with a passphrase to encrypt it.`}
      </p>
    </>
  );
}

/** Sync is on: the account, the status line, and what the reader can do. */
function SyncOn({
  status,
  account,
  onStatus,
}: {
  status: SyncStatus;
  account: SyncAccount;
  onStatus: (status: SyncStatus) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const { state } = status;
  const act = (work: Promise<{ status: SyncStatus }>) => {
    setBusy(true);
    setProblem('');
    work
      .then(
        (reply) => onStatus(reply.status),
        (error: unknown) => setProblem(reasonOf(error)),
      )
      .finally(() => setBusy(false));
  };
  const failed = state.kind === 'error';
  return (
    <>
      <AccountLine account={account} />
      <div role="status" data-testid="sync-status" class="sync-status">
        <p class={failed ? 'import-error' : undefined} title={exactTime(state)}>
          {syncLine(state)}
        </p>
        {failed && state.last && <p>{syncLine({ kind: 'idle', last: state.last, pending: 0 })}</p>}
        {pendingLine(state) && <p>{pendingLine(state)}</p>}
        {problem && <p class="import-error">{problem}</p>}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy || state.kind === 'syncing'}
          onClick={() => act(askBackground('sync.now', {}))}
        >
          Sync now
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => act(askBackground('sync.disable', {}))}
        >
          Turn off sync
        </button>
      </div>
    </>
  );
}

/** Brings the section into view when the page was opened at it (#data/sync, from the popup). */
function useScrolledTo(ready: boolean) {
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (ready && location.hash === '#data/sync')
      section.current?.scrollIntoView({ block: 'start' });
  }, [ready]);
  return section;
}

export function SyncPanel() {
  const { status, setStatus } = useSyncStatus();
  const section = useScrolledTo(status !== null);
  return (
    <section ref={section} class="card sync" id="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <p class="muted">
        Keep your library the same on your other computers and browsers, through a CouchDB server
        you run or choose. Nothing goes to any server of Trailmark’s.
      </p>
      {status === null ? null : status.account === null ? (
        <TurnOn onOn={setStatus} />
      ) : (
        <SyncOn status={status} account={status.account} onStatus={setStatus} />
      )}
      <SetupHint />
    </section>
  );
}
