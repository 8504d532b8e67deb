import { Banner, BlockStack, Box, Card, Checkbox, FormLayout, InlineGrid, InlineStack, Layout, Page, RangeSlider, SkeletonBodyText, Text, TextField, Toast } from '@shopify/polaris';
import { SettingsIcon } from '@shopify/polaris-icons';
import { useEffect, useState } from 'react';
import { ApiError, api, type FieldProblem } from '../api/admin-api';
import type { DayHours, Settings } from '../api/types';
import { useApiData } from '../components/use-api-data';
import type { AdminPage, PageProps } from '../shell/admin-page';

const days = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;

const fieldLabels: Record<string, string> = {
  retentionDays: 'Retention (days)',
  kFloor: 'k-anonymity floor',
  botConfidenceThreshold: 'Confidence threshold',
  'dataProtectionContact.name': 'Data protection contact name',
  'dataProtectionContact.email': 'Data protection contact email',
  ...Object.fromEntries(days.flatMap(([key, label]) => [[`businessHours.${key}.open`, `${label} opening time`], [`businessHours.${key}.close`, `${label} closing time`]])),
};

interface Draft {
  hours: Record<(typeof days)[number][0], { open: boolean; from: string; to: string }>;
  retentionDays: string;
  kFloor: string;
  contactName: string;
  contactEmail: string;
  threshold: number;
}

function toDraft(settings: Settings): Draft {
  const hours = Object.fromEntries(
    days.map(([key]) => {
      const value: DayHours = settings.businessHours[key];
      return [key, { open: value !== null, from: value?.open ?? '09:00', to: value?.close ?? '18:00' }];
    }),
  ) as Draft['hours'];
  return {
    hours,
    retentionDays: String(settings.retentionDays),
    kFloor: String(settings.kFloor),
    contactName: settings.dataProtectionContact?.name ?? '',
    contactEmail: settings.dataProtectionContact?.email ?? '',
    threshold: settings.botConfidenceThreshold,
  };
}

function toSettings(draft: Draft): Settings {
  const contact = draft.contactName.trim() || draft.contactEmail.trim() ? { name: draft.contactName, email: draft.contactEmail.trim() } : null;
  return {
    businessHours: Object.fromEntries(days.map(([key]) => [key, draft.hours[key].open ? { open: draft.hours[key].from, close: draft.hours[key].to } : null])) as Settings['businessHours'],
    retentionDays: draft.retentionDays.trim() === '' ? Number.NaN : Number(draft.retentionDays),
    kFloor: draft.kFloor.trim() === '' ? Number.NaN : Number(draft.kFloor),
    dataProtectionContact: contact,
    botConfidenceThreshold: draft.threshold,
  };
}

function SettingsPage({ shop }: PageProps) {
  const { data, error, loading } = useApiData<{ settings: Settings; timezone: string }>('/api/admin/settings');
  const [draft, setDraft] = useState<Draft>();
  const [saved, setSaved] = useState<Draft>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [toast, setToast] = useState(false);

  useEffect(() => {
    if (data) {
      setDraft(toDraft(data.settings));
      setSaved(toDraft(data.settings));
    }
  }, [data]);

  if (loading || (!draft && !error)) {
    return (
      <Page title="Settings">
        <Card>
          <SkeletonBodyText lines={8} />
        </Card>
      </Page>
    );
  }
  if (!draft) {
    return (
      <Page title="Settings">
        <Banner tone="critical" title="Settings could not be loaded">
          {error?.message}
        </Banner>
      </Page>
    );
  }

  const errorAt = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`)).map((p) => p.message).join('; ') || undefined;
  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  async function save() {
    if (!draft) return;
    setSaving(true);
    setSaveError(undefined);
    setProblems([]);
    try {
      const body = toSettings(draft);
      const answer = await api<{ settings: Settings }>('/api/admin/settings', { method: 'PUT', body });
      setDraft(toDraft(answer.settings));
      setSaved(toDraft(answer.settings));
      setToast(true);
    } catch (caught) {
      if (caught instanceof ApiError) {
        setProblems(caught.problems);
        setSaveError(caught.problems.length ? 'Fix the fields marked below; nothing was saved.' : caught.message);
      } else setSaveError('Saving failed. Please retry.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Page
      title="Settings"
      subtitle={shop.name}
      primaryAction={{ content: 'Save', onAction: save, loading: saving, disabled: !dirty }}
      secondaryActions={[{ content: 'Discard changes', disabled: !dirty, onAction: () => saved && setDraft(saved) }]}
    >
      <BlockStack gap="500">
        {saveError && (
          <Banner tone="critical" title="The settings were not saved">
            <p>{saveError}</p>
            {problems.length > 0 && (
              <ul>
                {problems.map((p) => (
                  <li key={p.path + p.message}>
                    {fieldLabels[p.path] ?? p.path}: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </Banner>
        )}
        <Layout>
          <Layout.AnnotatedSection title="Business hours" description={`When staff answer chats. Times are on the shop's clock (${data?.timezone ?? shop.timezone}).`}>
            <Card>
              <BlockStack gap="300">
                {days.map(([key, label]) => {
                  const day = draft.hours[key];
                  const setDay = (patch: Partial<typeof day>) => update({ hours: { ...draft.hours, [key]: { ...day, ...patch } } });
                  return (
                    <InlineGrid key={key} columns={['oneThird', 'twoThirds']} gap="300" alignItems="center">
                      <Checkbox label={label} checked={day.open} onChange={(open) => setDay({ open })} />
                      {day.open ? (
                        <InlineStack gap="200" blockAlign="center" wrap={false}>
                          <TextField label={`${label} opens`} labelHidden type="time" value={day.from} onChange={(from) => setDay({ from })} autoComplete="off" error={errorAt(`businessHours.${key}.open`)} />
                          <Text as="span">to</Text>
                          <TextField label={`${label} closes`} labelHidden type="time" value={day.to} onChange={(to) => setDay({ to })} autoComplete="off" error={errorAt(`businessHours.${key}.close`)} />
                        </InlineStack>
                      ) : (
                        <Text as="span" tone="subdued">
                          Closed
                        </Text>
                      )}
                    </InlineGrid>
                  );
                })}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Privacy" description="How long raw chat transcripts are kept, and the smallest group any audience, chart or export may show.">
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <TextField label="Retention (days)" type="number" min={1} max={3650} value={draft.retentionDays} onChange={(retentionDays) => update({ retentionDays })} autoComplete="off" helpText="1 to 3650; 30 by default." error={errorAt('retentionDays')} />
                  <TextField label="k-anonymity floor" type="number" min={5} value={draft.kFloor} onChange={(kFloor) => update({ kFloor })} autoComplete="off" helpText="Never below 5; 10 by default." error={errorAt('kFloor')} />
                </FormLayout.Group>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Data protection contact" description="Shown to buyers who ask about their personal data (PDPA).">
            <Card>
              <FormLayout>
                <TextField label="Name" value={draft.contactName} onChange={(contactName) => update({ contactName })} autoComplete="off" error={errorAt('dataProtectionContact.name')} />
                <TextField label="Email" type="email" value={draft.contactEmail} onChange={(contactEmail) => update({ contactEmail })} autoComplete="off" error={errorAt('dataProtectionContact.email')} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Bot" description="Below this confidence the bot says it is unsure and the turn goes to the review queue.">
            <Card>
              <Box>
                <RangeSlider label="Confidence threshold" min={0} max={1} step={0.05} value={draft.threshold} onChange={(value) => update({ threshold: Number(value) })} output suffix={<Text as="span">{draft.threshold.toFixed(2)}</Text>} error={errorAt('botConfidenceThreshold')} />
              </Box>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
      {toast && <Toast content="Settings saved" onDismiss={() => setToast(false)} />}
    </Page>
  );
}

/** The shop's settings: business hours, retention, k-floor, data-protection contact, bot threshold. */
export const page: AdminPage = { path: '/settings', label: 'Settings', icon: SettingsIcon, order: 1000, Component: SettingsPage };
