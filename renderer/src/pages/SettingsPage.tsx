// Placeholder until this page's engine domain lands.
import { NotYet } from '../components/NotYet';

export default function SettingsPage() {
  return (
    <section className="page">
      <h1>Settings</h1>
      <NotYet what="Settings" />
    </section>
  );
}
