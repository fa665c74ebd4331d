import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { apiList, freeName } from '../model/config-info.ts';
import { newApi } from '../model/templates.ts';

/** Which API the API, Deployments and Stages sections show; adds and removes APIs. */
export function ApiPicker() {
  const raw = useLab((s) => activeDoc(s, 'config')?.raw);
  const selected = useLab((s) => s.editorNav.api);
  const navigate = useLab((s) => s.navigate);
  const insertItem = useLab((s) => s.insertItem);
  const removeItem = useLab((s) => s.removeItem);
  const apis = apiList(raw);
  const current = apis[selected] ?? apis[0];
  const add = () => {
    insertItem(
      'config',
      ['apis'],
      newApi(
        freeName(
          'api',
          apis.map((a) => a.id),
        ),
      ),
    );
    navigate({ api: apis.length, stage: 0 });
  };
  const remove = () => {
    // No confirmation: a removal is one undo step away.
    if (!current) return;
    removeItem('config', ['apis'], current.index);
    navigate({ api: 0, stage: 0 });
  };
  return (
    <div className="ed-picker">
      <label className="inline-field">
        <span>API</span>
        <select
          value={current?.index ?? ''}
          onChange={(e) => navigate({ api: Number(e.target.value), stage: 0 })}
          data-testid="api-select"
        >
          {apis.map((api) => (
            <option key={api.index} value={api.index}>
              {api.label} ({api.protocol})
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={add} data-testid="add-api">
        + Add API
      </button>
      {current && (
        <button type="button" onClick={remove} aria-label={`Remove the API ${current.id}`}>
          Remove API
        </button>
      )}
    </div>
  );
}

/** The index of the API the sections show (the first when the selection no longer exists). */
export function useApiIndex(): number {
  return useLab((s) => {
    const count = apiList(activeDoc(s, 'config')?.raw).length;
    return s.editorNav.api < count ? s.editorNav.api : 0;
  });
}
