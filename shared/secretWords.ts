// The credential fields of each source as the vendor's own screens name them, with where to find each value, so the
// Sync page asks for "ID do aplicativo (client_id)" rather than clientId.
import type { LocalizedText } from './types';

export interface SecretWords {
  label: LocalizedText;
  help: LocalizedText;
}

const S = (pt: string, en: string, helpPt: string, helpEn: string): SecretWords => ({ label: { 'pt-BR': pt, en }, help: { 'pt-BR': helpPt, en: helpEn } });

const OAUTH = (vendor: string, where: string, whereEn: string): Record<string, SecretWords> => ({
  clientId: S('ID do aplicativo (Client ID)', 'App ID (Client ID)', `No ${vendor}, em ${where}: o identificador do aplicativo criado para o Painel.`, `In ${vendor}, under ${whereEn}: the identifier of the app created for Painel.`),
  clientSecret: S('Chave secreta do aplicativo (Client Secret)', 'App secret (Client Secret)', `Mostrada junto ao ID do aplicativo em ${where}.`, `Shown next to the app ID under ${whereEn}.`),
  code: S('Código de autorização', 'Authorization code', `O código que o ${vendor} mostra depois que você autoriza o aplicativo (vale uma vez; o Painel o troca pelo token de renovação).`, `The code ${vendor} shows after you authorise the app (single use; Painel trades it for the refresh token).`),
  refreshToken: S('Token de renovação (Refresh Token)', 'Refresh token', 'Preenchido pelo Painel depois da primeira autorização; informe só se já tiver um.', 'Filled in by Painel after the first authorisation; enter one only if you already have it.'),
});

const WORDS: Record<string, Record<string, SecretWords>> = {
  supabase: { key: S('Chave de acesso da agenda', 'Booking system access key', 'A chave de API do sistema de agenda do salão (somente leitura basta).', 'The salon booking system’s API key (read-only is enough).') },
  woocommerce: {
    key: S('Chave do consumidor (Consumer key)', 'Consumer key', 'No WordPress: WooCommerce › Configurações › Avançado › API REST; começa com ck_.', 'In WordPress: WooCommerce › Settings › Advanced › REST API; starts with ck_.'),
    secret: S('Segredo do consumidor (Consumer secret)', 'Consumer secret', 'Gerado junto com a chave do consumidor; começa com cs_.', 'Created with the consumer key; starts with cs_.'),
  },
  bling: OAUTH('Bling', 'Central de Extensões › Área do Integrador', 'Extensions › Integrator area'),
  mercadolivre: OAUTH('Mercado Livre', 'Mercado Livre Developers › Suas aplicações', 'Mercado Livre Developers › Your applications'),
  hubspot: { token: S('Token do aplicativo privado', 'Private app token', 'No HubSpot: Configurações › Integrações › Aplicativos privados; começa com pat-.', 'In HubSpot: Settings › Integrations › Private apps; starts with pat-.') },
};

/** The words for a source's credential field; an unknown field keeps its name. */
export function secretWords(sourceId: string, name: string): SecretWords {
  return WORDS[sourceId]?.[name] ?? { label: { 'pt-BR': name, en: name }, help: { 'pt-BR': '', en: '' } };
}
