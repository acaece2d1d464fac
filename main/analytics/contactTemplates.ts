// Message templates of the contact lists: each list's default WhatsApp message (from the campaign suggestion of
// the segment it is aimed at), and checking a person's edited template before it is rendered for every row.
import type { SegmentId } from '../../shared/analytics';
import { parseContactList, TEMPLATE_PLACEHOLDERS, type ContactListId } from '../../shared/contacts';
import type { LocalizedText } from '../../shared/types';
import { AppError } from '../store/errors';

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

/** The segment whose campaign suggestion (message, channel economics) a list uses. */
export function suggestionSegment(list: ContactListId): SegmentId {
  const p = parseContactList(list);
  if (p.kind === 'segment') return p.id;
  if (p.kind === 'special') return p.id === 'lapsed' ? 'winback_high_value' : 'birthdays';
  const byCluster = { champions: 'loyalty_champions', loyal: 'referral_candidates', promising: 'new_customers', at_risk: 'winback_high_value', hibernating: 'winback_high_value', lost: 'dormant_high_value' } as const;
  return byCluster[p.id];
}

/** One message per campaign suggestion (segmentDefs.ts), written as the salon would send it. */
const MESSAGES: Record<SegmentId, LocalizedText> = {
  vip: L(
    'Olá, {nome}! Você é uma cliente especial para nós: antes de abrir a agenda do mês, separamos um horário preferencial para você com {profissional}. Quer reservar?',
    'Hi {name}! You are a special client to us: before the month’s calendar opens, we saved a priority slot for you with {professional}. Would you like to book it?',
  ),
  winback_high_value: L(
    'Olá, {nome}! Sentimos sua falta. Que tal voltar para um {servico} com {profissional}? Temos um cupom de 15% de retorno válido por 30 dias.',
    'Hi {name}! We miss you. How about coming back for a {service} with {professional}? Here is a 15% comeback coupon valid for 30 days.',
  ),
  loyalty_champions: L(
    'Olá, {nome}! Obrigada pela fidelidade: neste mês seus pontos valem em dobro e tem um brinde surpresa esperando você.',
    'Hi {name}! Thank you for your loyalty: this month your points count double and a surprise gift is waiting for you.',
  ),
  birthdays: L(
    'Olá, {nome}! Feliz aniversário! 🎉 Seu presente: 20% em um serviço no mês do seu aniversário. Que tal um {servico} com {profissional}?',
    'Hi {name}! Happy birthday! 🎉 Your gift: 20% off one service in your birthday month. How about a {service} with {professional}?',
  ),
  discount_lovers: L(
    'Olá, {nome}! Cupom relâmpago: desconto especial para agendar nesta terça ou quarta. Quer um horário para {servico}?',
    'Hi {name}! Flash coupon: a special discount to book this Tuesday or Wednesday. Would you like a slot for {service}?',
  ),
  new_customers: L(
    'Olá, {nome}! Foi um prazer receber você. Na sua segunda visita você ganha 10% de desconto. Quer agendar com {profissional}?',
    'Hi {name}! It was a pleasure to have you. On your second visit you get 10% off. Would you like to book with {professional}?',
  ),
  frequent_visitors: L(
    'Olá, {nome}! Como você vem sempre, preparamos um pacote mensal com preço fechado para {servico}. Quer saber mais?',
    'Hi {name}! Since you come often, we put together a monthly package at a fixed price for {service}. Want to know more?',
  ),
  dormant_high_value: L(
    'Olá, {nome}! Aqui é da equipe do salão. Faz tempo que não nos vemos e temos uma oferta de retorno especial para você. Podemos agendar com {profissional}?',
    'Hi {name}! This is the salon team. It has been a while and we have a special comeback offer for you. Shall we book you with {professional}?',
  ),
  seasonal: L(
    'Olá, {nome}! A sua época preferida está chegando: garanta já seu horário para {servico} com {profissional}.',
    'Hi {name}! Your favourite season is coming: book your {service} with {professional} early.',
  ),
  referral_candidates: L(
    'Olá, {nome}! Indique uma amiga: as duas ganham R$ 30 no próximo serviço. É só ela dizer seu nome ao agendar.',
    'Hi {name}! Refer a friend: you both get R$ 30 off your next service. She just needs to mention your name when booking.',
  ),
};

export function defaultTemplate(list: ContactListId, locale: 'pt-BR' | 'en'): string {
  return MESSAGES[suggestionSegment(list)][locale];
}

/** The words a person may use for each placeholder (pt-BR with or without accent, and en). */
const ALIASES: Record<string, (typeof TEMPLATE_PLACEHOLDERS)[number]> = {
  nome: '{nome}',
  name: '{nome}',
  servico: '{servico}',
  serviço: '{servico}',
  service: '{servico}',
  profissional: '{profissional}',
  professional: '{profissional}',
};

/**
 * The template with its placeholders in canonical form; an unknown placeholder is bad input with words in both
 * languages naming it (so a typo is never sent to hundreds of customers).
 */
export function normalizeTemplate(template: string): string {
  const unknown: string[] = [];
  const out = template.replace(/\{([^{}]{0,40})\}/g, (whole, word: string) => {
    const canonical = ALIASES[word.trim().toLowerCase()];
    if (!canonical) unknown.push(whole);
    return canonical ?? whole;
  });
  if (unknown.length) {
    const list = TEMPLATE_PLACEHOLDERS.join(', ');
    throw new AppError('BAD_INPUT', `unknown placeholder ${unknown[0]} in the message template: use ${list}`, {
      text: L(`O modelo da mensagem tem um campo desconhecido: ${unknown[0]}. Use ${list}.`, `The message template has an unknown field: ${unknown[0]}. Use {name}, {service} or {professional}.`),
    });
  }
  if (!out.trim()) throw new AppError('BAD_INPUT', 'the message template is empty', { text: L('O modelo da mensagem está vazio.', 'The message template is empty.') });
  return out;
}
