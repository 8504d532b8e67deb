import { systemClock, type Clock } from '../../core/clock';
import type { Db } from '../../db';
import { businessImprovementAssessment } from './business-improvement';
import { legitimateInterestsAssessment } from './legitimate-interests';
import { renderHtmlPage } from './markdown-text';
import { publicNotice } from './public-notice';
import { gatherRecordFacts, type RecordFacts } from './record-facts';

/** One PDPA document in both formats. `slug` names its files. */
export interface PrivacyDocument {
  slug: 'business-improvement' | 'legitimate-interests' | 'privacy-notice';
  title: string;
  markdown: string;
  html: string;
}

const documents: Array<{ slug: PrivacyDocument['slug']; title: (facts: RecordFacts) => string; build: (facts: RecordFacts) => string }> = [
  { slug: 'business-improvement', title: () => 'Business Improvement exception: assessment', build: businessImprovementAssessment },
  { slug: 'legitimate-interests', title: () => 'Legitimate Interests assessment: fraud and abuse control', build: legitimateInterestsAssessment },
  { slug: 'privacy-notice', title: (facts) => `Privacy notice: ${facts.shop.name}`, build: publicNotice },
];

/** Generates the shop's PDPA records from its settings and real row counts. */
export async function generatePrivacyRecords(deps: { db: Db; clock?: Clock }, shopId: string): Promise<PrivacyDocument[]> {
  const facts = await gatherRecordFacts(deps.db, shopId, deps.clock ?? systemClock);
  return documents.map(({ slug, title, build }) => {
    const markdown = build(facts);
    return { slug, title: title(facts), markdown, html: renderHtmlPage(title(facts), markdown) };
  });
}

/** The public notice alone; it needs no row counts, so a public request costs one query. */
export async function renderPrivacyNotice(deps: { db: Db; clock?: Clock }, shopId: string): Promise<PrivacyDocument> {
  const facts = await gatherRecordFacts(deps.db, shopId, deps.clock ?? systemClock, { counts: false });
  const title = `Privacy notice: ${facts.shop.name}`;
  const markdown = publicNotice(facts);
  return { slug: 'privacy-notice', title, markdown, html: renderHtmlPage(title, markdown) };
}
