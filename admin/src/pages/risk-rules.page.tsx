import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, DataTable, Divider, FormLayout, InlineStack, Layout, List, Page, Select, SkeletonBodyText, Text, TextField, Toast } from '@shopify/polaris';
import { AdjustIcon } from '@shopify/polaris-icons';
import { useEffect, useState } from 'react';
import { ApiError, type FieldProblem } from '../api/admin-api';
import { addedRule, documentOf, draftOf, fieldName, previewRules, RULES_PATH, saveRules, type NewRule, type RiskRule, type RulesDraft, type RulesPreview, type ShopRules } from '../api/risk-rules';
import { formatCount } from '../components/format';
import { useApiData } from '../components/use-api-data';
import type { AdminPage } from '../shell/admin-page';
import { useShopClock } from '../components/shop-clock';

const DECISIONS = [['allow', 'Allow'], ['review', 'Review'], ['deny', 'Deny']] as const;

function condition(rule: RiskRule, features: Record<string, string>): string {
  const what = features[rule.feature] ?? rule.feature;
  const full = rule.saturateAt !== undefined && rule.saturateAt !== rule.threshold ? ` (full weight at ${rule.saturateAt})` : '';
  return `${what}: ${rule.op === '>=' ? 'at least' : 'at most'} ${Number.isFinite(rule.threshold) ? rule.threshold : '…'}${full}`;
}

function PreviewCard({ preview }: { preview: RulesPreview }) {
  const clock = useShopClock();
  if (preview.orders === 0) return <Card><Text as="p">There are no scored orders yet, so there is nothing to try the rules on.</Text></Card>;
  const rows = DECISIONS.map(([key, label]) => [label, formatCount(preview.current[key]), formatCount(preview.edited[key])]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">On the last {formatCount(preview.orders)} orders</Text>
        <Text as="p" tone="subdued">Placed {clock.date(preview.from!)} to {clock.date(preview.to!)}, each scored with what was known when it was placed.{preview.modelBlended ? " The shop's learned model is blended in, as it is for new orders." : ''}</Text>
        <DataTable columnContentTypes={['text', 'numeric', 'numeric']} headings={['Decision', 'Saved rules', 'With your changes']} rows={rows} />
        <Text as="p" fontWeight="semibold">{preview.changed === 0 ? 'No order would get a different decision.' : `${formatCount(preview.changed)} ${preview.changed === 1 ? 'order' : 'orders'} would get a different decision.`}</Text>
        {preview.examples.length > 0 && <List>{preview.examples.map((e) => <List.Item key={e.orderId}>Order {e.orderId}: {e.from} → {e.to} (score {Math.round(e.score * 100)})</List.Item>)}</List>}
      </BlockStack>
    </Card>
  );
}

function AddRuleCard({ features, onAdd }: { features: Readonly<Record<string, string>>; onAdd: (added: NewRule) => void }) {
  const options = Object.entries(features).map(([value, label]) => ({ value, label }));
  const [added, setAdded] = useState<NewRule>({ feature: options[0]?.value ?? '', op: '>=' });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Add a rule</Text>
        <Text as="p" tone="subdued">Choose what the rule looks at and which way; then set its starting value, weight and reason in the list, and save.</Text>
        <FormLayout>
          <Select label="What the rule looks at" options={options} value={added.feature} onChange={(feature) => setAdded({ ...added, feature })} />
          <Select label="It adds risk when the value is" options={[{ value: '>=', label: 'at least the starting value' }, { value: '<=', label: 'at most the starting value' }]} value={added.op} onChange={(op) => setAdded({ ...added, op: op as NewRule['op'] })} />
        </FormLayout>
        <InlineStack><Button onClick={() => onAdd(added)} disabled={!added.feature}>Add rule</Button></InlineStack>
      </BlockStack>
    </Card>
  );
}

function RulesForm({ loaded, onSaved }: { loaded: ShopRules; onSaved: (saved: ShopRules) => void }) {
  const clock = useShopClock();
  const base = loaded.rules;
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(base));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [preview, setPreview] = useState<RulesPreview>();
  const [busy, setBusy] = useState<'save' | 'preview'>();
  useEffect(() => setDraft(draftOf(base)), [base]);
  const built = documentOf(base, draft);
  const dirty = JSON.stringify(built.document) !== JSON.stringify(base);
  const errorAt = (path: string) => built.errors[path] ?? problems.find((p) => p.path === path)?.message;
  const edit = (change: (d: RulesDraft) => RulesDraft) => {
    setDraft(change(draft));
    setPreview(undefined);
    setProblems([]);
  };
  // The condition as edited, while the starting value typed is a number.
  const shown = (index: number, rule: RiskRule) => {
    const edited = built.document.rules[index];
    return edited && Number.isFinite(edited.threshold) ? edited : rule;
  };
  const editRule = (index: number, change: Partial<RulesDraft['rules'][number]>) => edit((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, ...change } : r)) }));

  async function submit(kind: 'save' | 'preview') {
    const local = Object.entries(built.errors).map(([path, message]) => ({ path, message }));
    setFailure(kind === 'save' ? 'The rules were not saved' : 'The rules cannot be tried yet');
    setProblems(local);
    if (local.length > 0) return;
    setBusy(kind);
    try {
      if (kind === 'save') onSaved(await saveRules(built.document));
      else setPreview(await previewRules(built.document));
      setFailure(undefined);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', 'Something went wrong. Please retry.');
      setProblems(error.problems.length > 0 ? error.problems : [{ path: '', message: error.message }]);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Layout>
      <Layout.Section>
        <BlockStack gap="400">
          {problems.length > 0 && failure && (
            <Banner tone="critical" title={failure}>
              <List>{problems.map((p) => <List.Item key={`${p.path}${p.message}`}>{p.path ? `${fieldName(p.path, built.document)}: ${p.message}` : p.message}</List.Item>)}</List>
            </Banner>
          )}
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Decisions</Text>
              <Text as="p" tone="subdued">Every order and sign-up gets a risk score from 0 to 100. Below the review score it is allowed; from the review score a person looks at it in the risk queue; from the deny score it is refused.</Text>
              <FormLayout>
                <FormLayout.Group>
                  <TextField label="Review at score" inputMode="decimal" value={draft.review} onChange={(v) => edit((d) => ({ ...d, review: v }))} error={errorAt('thresholds.review')} autoComplete="off" helpText="0 to 100" />
                  <TextField label="Deny at score" inputMode="decimal" value={draft.deny} onChange={(v) => edit((d) => ({ ...d, deny: v }))} error={errorAt('thresholds.deny')} autoComplete="off" helpText="0 to 100, not below the review score" />
                </FormLayout.Group>
                <FormLayout.Group>
                  <TextField label="Fraud before any rule" inputMode="decimal" suffix="% of orders" value={draft.baseRate} onChange={(v) => edit((d) => ({ ...d, baseRate: v }))} error={errorAt('baseLogOdds')} autoComplete="off" helpText="Where every score starts. Raise it if more of your orders turn out to be fraud." />
                  <TextField label="Learned model's share" inputMode="decimal" suffix="%" value={draft.blend} onChange={(v) => edit((d) => ({ ...d, blend: v }))} error={errorAt('model.blendWeight')} autoComplete="off" helpText={loaded.model.trained ? "0 to 100: how much the model learned from your shop's outcomes counts against the rules" : "0 to 100; used once enough of your shop's outcomes are known to train a model"} />
                </FormLayout.Group>
              </FormLayout>
            </BlockStack>
          </Card>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Rules</Text>
              <Text as="p" tone="subdued">A rule adds its weight to the risk when it is met (half of it at its starting value, which you can move). A weight of 0.7 roughly doubles the odds of fraud, 2.3 multiplies them by ten; a negative weight lowers the risk. Weights go from -20 to 20. The reason is what staff see in the risk queue and what is written to the order in Shopify; {'{value}'} stands for the order's value.</Text>
              {draft.rules.length === 0 && <Text as="p">There are no rules: every score is the share of fraud before any rule.</Text>}
              {draft.rules.map(({ rule }, index) => (
                <BlockStack key={rule.id} gap="200">
                  {index > 0 && <Divider />}
                  <InlineStack align="space-between" blockAlign="start" gap="400" wrap={false}>
                    <Box minWidth="0">
                      <Checkbox label={condition(shown(index, rule), loaded.features)} checked={draft.rules[index]?.enabled ?? rule.enabled} onChange={(on) => editRule(index, { enabled: on })} />
                    </Box>
                    <Box width="150px">
                      <TextField label={`Starting value of ${rule.id}`} labelHidden prefix={rule.op === '<=' ? 'Up to' : 'From'} inputMode="decimal" value={draft.rules[index]?.threshold ?? ''} onChange={(v) => editRule(index, { threshold: v })} error={errorAt(`rules.${index}.threshold`)} autoComplete="off" />
                    </Box>
                    <Box width="160px">
                      <TextField label={`Weight of ${rule.id}`} labelHidden prefix="Weight" inputMode="decimal" value={draft.rules[index]?.weight ?? ''} onChange={(v) => editRule(index, { weight: v })} error={errorAt(`rules.${index}.weight`)} autoComplete="off" />
                    </Box>
                  </InlineStack>
                  <InlineStack gap="200" blockAlign="center" wrap={false}>
                    <Box width="100%">
                      <TextField label={`Reason for ${rule.id}`} labelHidden prefix="Reason given" value={draft.rules[index]?.reason ?? ''} onChange={(v) => editRule(index, { reason: v })} error={errorAt(`rules.${index}.reason`)} autoComplete="off" maxLength={200} />
                    </Box>
                    <Button variant="plain" tone="critical" accessibilityLabel={`Remove ${rule.id}`} onClick={() => edit((d) => ({ ...d, rules: d.rules.filter((_, i) => i !== index) }))}>Remove</Button>
                  </InlineStack>
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
          <AddRuleCard features={loaded.features} onAdd={(added) => edit((d) => ({ ...d, rules: [...d.rules, addedRule(d, added)] }))} />
        </BlockStack>
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <BlockStack gap="400">
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between"><Text as="h2" variant="headingMd">Save</Text>{dirty && <Badge tone="attention">Unsaved changes</Badge>}</InlineStack>
              <Text as="p" tone="subdued">{loaded.isDefault ? "These are storedesk's default rules." : `Last changed by ${loaded.updatedBy ?? 'someone'} on ${clock.dateTime(loaded.updatedAt!)}.`} Saved rules apply to the next order.</Text>
              {loaded.model.trained && <Text as="p" tone="subdued">A model trained on {formatCount(loaded.model.labelCount ?? 0)} of the shop's outcomes is blended with the rules.</Text>}
              <InlineStack gap="200">
                <Button onClick={() => submit('preview')} loading={busy === 'preview'}>Try on recent orders</Button>
                <Button variant="primary" onClick={() => submit('save')} loading={busy === 'save'} disabled={!dirty}>Save rules</Button>
              </InlineStack>
            </BlockStack>
          </Card>
          {preview && <PreviewCard preview={preview} />}
        </BlockStack>
      </Layout.Section>
    </Layout>
  );
}

function RiskRulesPage() {
  const { data, error, loading, reload } = useApiData<ShopRules>(RULES_PATH);
  const [saved, setSaved] = useState<ShopRules>();
  const [toast, setToast] = useState<string>();
  const current = saved ?? data;
  return (
    <Page title="Risk rules" subtitle="What makes an order or sign-up risky, and when it is reviewed or refused">
      {loading ? <Card><SkeletonBodyText lines={8} /></Card> : error || !current ? (
        <Banner tone="critical" title="The risk rules could not be loaded" action={{ content: 'Retry', onAction: reload }}>{error?.message}</Banner>
      ) : (
        <RulesForm loaded={current} onSaved={(rules) => { setSaved(rules); setToast('Rules saved'); }} />
      )}
      {toast && <Toast content={toast} onDismiss={() => setToast(undefined)} />}
    </Page>
  );
}

export const page: AdminPage = { path: '/risk-rules', label: 'Risk rules', icon: AdjustIcon, order: 330, Component: RiskRulesPage };
