// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function SegmentsPage() {
  return (
    <section className="page">
      <h1>Segments</h1>
      <NotYet what="Segments" />
    </section>
  );
}
