// Fixture rows for Bling, Mercado Livre and HubSpot.
import type { SimDataset } from '../simulators/dataset';
import type { FixtureSize } from './fixture';
import type { OrdersFn } from './fixtureMarketplace';

export async function fixtureCrm(_d: SimDataset, _s: FixtureSize, _only: string[] | undefined, _orders: OrdersFn): Promise<void> {}
