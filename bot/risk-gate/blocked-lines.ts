/** What a blocked buyer reads. Plain and polite; never the staff-written reasons. */
export const blockedLines = {
  refusal: "Sorry, we can't help with this chat or take orders from you right now. If you think this is a mistake, you can appeal and a person at the shop will review it.",
  appeal: 'Appeal',
  appealOnWeb: 'Appeal on the web',
  askStatement: 'Please tell us in a sentence or two why you think this is a mistake (at least 10 characters).',
  statementTooShort: 'Could you write a little more? At least a full sentence helps the reviewer.',
  askContact: 'Thanks. If you would like a reply by email or phone as well, type it now; otherwise press Skip.',
  skip: 'Skip',
  filed: (reference: string, statusUrl: string) => `Your appeal is filed. Your reference is ${reference}. A person will review it and we will reply here; you can also check its status at ${statusUrl}`,
  alreadyFiled: (reference: string) => `Your appeal ${reference} is waiting for review. We will reply here once a person has looked at it.`,
  failed: "Sorry, we couldn't file your appeal just now. Please try again, or use the web form.",
  outcome: (reference: string, message: string) => `An update on your appeal ${reference}: ${message}`,
} as const;
