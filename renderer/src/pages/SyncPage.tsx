// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function SyncPage() {
  return (
    <section className="page">
      <h1>Sync</h1>
      <NotYet what="Sync" />
    </section>
  );
}
