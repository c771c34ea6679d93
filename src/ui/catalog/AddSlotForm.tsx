// "Add a thread-local": a name, checked by the scenario schema in the worker (its errors name the field and the
// rule); the new slot starts not decided, so the drift guard names it until someone decides.
import { useState } from 'react';
import type { CustomSlot } from '../../core/scenario/customSlots.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';

export default function AddSlotForm() {
  const client = useCoreClient();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async () => {
    const { scenario, addSlot } = useStore.getState();
    const slots = [...(scenario.slots ?? []), { name: name.trim(), reads: ['net'] }];
    const result = await client.loadScenario({ ...scenario, slots });
    const added = result.value?.slots?.at(-1);
    if (result.value === null || !added) {
      setErrors(result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
      return;
    }
    addSlot(added as CustomSlot);
    setName('');
    setErrors([]);
  };
  return (
    <form
      className="add-slot"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        New thread-local{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="ACTIVE_BILLING_TENANT_STACK" spellCheck={false} aria-invalid={errors.length > 0} aria-describedby="add-slot-errors" />
      </label>{' '}
      <button type="submit" className="header-button">
        Add a thread-local
      </button>
      <ul id="add-slot-errors" className="add-slot-errors" role="alert">
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </form>
  );
}
