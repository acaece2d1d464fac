// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function MarketplacePage() {
  return (
    <section className="page">
      <h1>Marketplace</h1>
      <NotYet what="Marketplace" />
    </section>
  );
}
