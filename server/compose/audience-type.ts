import type { createAudience } from '../../audience';

export type AudienceService = ReturnType<typeof createAudience>;
