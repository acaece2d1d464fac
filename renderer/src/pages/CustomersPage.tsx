// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function CustomersPage() {
  return (
    <section className="page">
      <h1>Customers</h1>
      <NotYet what="Customers" />
    </section>
  );
}
