// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function ReportsPage() {
  return (
    <section className="page">
      <h1>Reports</h1>
      <NotYet what="Reports" />
    </section>
  );
}
