import { defineMessages } from '../define-messages.ts';

export const revenueMessages = defineMessages(
  {
    'revenue.title': 'Revenue',
    'revenue.intro': 'The last {weeks} weeks, Monday to Sunday; the last is this week so far.',
    'revenue.paid': 'Paid members',
    'revenue.paidDescription':
      'Members with paid access at the end of each week, complimentary or subscribed: {first} at the start, {last} now.',
    'revenue.mrr': 'Monthly recurring revenue in {currency}',
    'revenue.mrrDescription':
      'What active subscriptions in {currency} bring each month, a yearly price counted as a twelfth, at the end of each week; trials pay nothing yet: {first} at the start, {last} now.',
    'revenue.noMrr': 'No subscription has brought revenue in these weeks.',
    'revenue.flow': 'New and cancelled subscriptions',
    'revenue.flowDescription':
      'Subscriptions that started (a trial’s start counts) and that ended, each week: {new} new and {cancelled} cancelled in all.',
    'revenue.oneTime': 'One-time income in {currency}',
    'revenue.oneTimeDescription':
      'Contributions and gift subscriptions paid in {currency} each week, less what was refunded of them; not recurring revenue: {contributions} in contributions and {gifts} in gifts in all.',
    'revenue.contributions': 'Contributions',
    'revenue.gifts': 'Gift subscriptions',
    'revenue.new': 'New',
    'revenue.cancelled': 'Cancelled',
    'revenue.week': 'Week of {date}',
    'revenue.articles': 'Pages that brought members',
    'revenue.bySignUps': 'By sign-ups',
    'revenue.bySubscriptions': 'By subscriptions',
    'revenue.subscriptionsNote':
      'A subscription counts for the page its member signed up from: where a reader was when they chose to pay is not recorded.',
    'revenue.page': 'Page',
    'revenue.members': 'Members',
    'revenue.noPages': 'No member came from a page in these weeks.',
  },
  {
    'revenue.title': 'Ingresos',
    'revenue.intro': 'Las últimas {weeks} semanas, de lunes a domingo; la última es esta semana hasta hoy.',
    'revenue.paid': 'Miembros de pago',
    'revenue.paidDescription':
      'Miembros con acceso de pago al final de cada semana, de cortesía o suscritos: {first} al principio, {last} ahora.',
    'revenue.mrr': 'Ingresos recurrentes mensuales en {currency}',
    'revenue.mrrDescription':
      'Lo que aportan cada mes las suscripciones activas en {currency}, un precio anual contado como una doceava parte, al final de cada semana; las pruebas aún no pagan: {first} al principio, {last} ahora.',
    'revenue.noMrr': 'Ninguna suscripción ha aportado ingresos en estas semanas.',
    'revenue.flow': 'Suscripciones nuevas y canceladas',
    'revenue.flowDescription':
      'Suscripciones que empezaron (cuenta el inicio de una prueba) y que terminaron, cada semana: {new} nuevas y {cancelled} canceladas en total.',
    'revenue.oneTime': 'Ingresos únicos en {currency}',
    'revenue.oneTimeDescription':
      'Aportaciones y suscripciones de regalo pagadas en {currency} cada semana, menos lo reembolsado de ellas; no son ingresos recurrentes: {contributions} en aportaciones y {gifts} en regalos en total.',
    'revenue.contributions': 'Aportaciones',
    'revenue.gifts': 'Suscripciones de regalo',
    'revenue.new': 'Nuevas',
    'revenue.cancelled': 'Canceladas',
    'revenue.week': 'Semana del {date}',
    'revenue.articles': 'Páginas que trajeron miembros',
    'revenue.bySignUps': 'Por registros',
    'revenue.bySubscriptions': 'Por suscripciones',
    'revenue.subscriptionsNote':
      'Una suscripción cuenta para la página desde la que su miembro se registró: no se guarda dónde estaba el lector cuando decidió pagar.',
    'revenue.page': 'Página',
    'revenue.members': 'Miembros',
    'revenue.noPages': 'Ningún miembro llegó desde una página en estas semanas.',
  },
);
