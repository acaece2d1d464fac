// Shapes the simulator fixture files share: the fixture's size and the order writer the marketplace and CRM
// fixtures both use.
import type { SimDataset } from '../simulators/dataset';

export interface FixtureSize {
  customers: number;
  sales: number;
  seed: number;
}

export interface OrdersOptions {
  prefix: string;
  n: number;
  firstId: number;
  customer: string;
  location: string | null;
  shipping: boolean;
  localMidnight: boolean;
}

export type OrdersFn = (d: SimDataset, s: FixtureSize, o: OrdersOptions) => Promise<void>;
