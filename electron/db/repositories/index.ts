import type { Db } from '../connection';
import { createCustomersRepository } from './customers';
import { createFeedbackRepository } from './feedback';
import { createSettingsRepository } from './settings';
import { createShopRepository } from './shop';
import { createVisitsRepository } from './visits';

/** All repositories over one open database; statements are prepared once. */
export function createRepositories(db: Db) {
  return {
    customers: createCustomersRepository(db),
    visits: createVisitsRepository(db),
    feedback: createFeedbackRepository(db),
    settings: createSettingsRepository(db),
    shop: createShopRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
