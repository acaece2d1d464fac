// Customer 360 (placeholder until the engine's customer analytics contract is registered).
import { NotYet } from '../../components/NotYet';
import { useI18n } from '../../i18n/useI18n';

export default function Customer360({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{customerId}</h1>
      <NotYet what={t('nav.customers')} />
    </section>
  );
}
