import { Group, TextInput } from '@mantine/core';

export interface PlanFieldValues {
  name: string;
  downloadRate: string;
  uploadRate: string;
}

/** A plan's name and sustained rates, download first as staff think of them; used by the new and the edit dialog. */
export function PlanFields<V extends PlanFieldValues>({
  values,
  errors,
  update,
}: {
  values: V;
  errors: Record<string, string>;
  update: (next: Partial<PlanFieldValues>) => void;
}) {
  return (
    <>
      <TextInput label="Name" required value={values.name} error={errors.name} onChange={(e) => update({ name: e.currentTarget.value })} />
      <Group grow>
        <TextInput label="Download" placeholder="20M" required value={values.downloadRate} error={errors.downloadRate} onChange={(e) => update({ downloadRate: e.currentTarget.value })} />
        <TextInput label="Upload" placeholder="5M" required value={values.uploadRate} error={errors.uploadRate} onChange={(e) => update({ uploadRate: e.currentTarget.value })} />
      </Group>
    </>
  );
}
