// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function DashboardPage() {
  return (
    <section className="page">
      <h1>Dashboard</h1>
      <NotYet what="Dashboard" />
    </section>
  );
}
