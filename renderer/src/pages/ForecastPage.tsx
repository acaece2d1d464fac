// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function ForecastPage() {
  return (
    <section className="page">
      <h1>Forecast</h1>
      <NotYet what="Forecast" />
    </section>
  );
}
