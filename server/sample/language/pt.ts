// European Portuguese: the documents Portugal writes about itself, with
// articles and their contractions (do, da, no, na, ao, à, pelo).
import { cite } from '../citations';
import { city, country } from '../places';
import type { MeasureKind, TopicKey } from '../topics';
import type { ArticleChange, LanguagePack, NationalActKind, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts } from './util';

interface Noun {
  sg: string;
  pl: string;
  f: boolean;
}
const m = (sg: string, pl: string): Noun => ({ sg, pl, f: false });
const f = (sg: string, pl: string): Noun => ({ sg, pl, f: true });
interface Words {
  /** Subjects, with their article. */
  names: readonly string[];
  measures: readonly Noun[];
  /** The people concerned, with their article. */
  groups: readonly string[];
  /** Problems, with their article. */
  issues: readonly string[];
  goals: readonly string[];
  /** [infinitive, past participle after "ter"]. */
  outcomes: ReadonlyArray<readonly [string, string]>;
  articles: readonly string[];
  requirements: readonly string[];
}

const TOPICS: Record<TopicKey, Words> = {
  residence: { names: ['as autorizações de residência', 'a residência de longa duração'], measures: [f('autorização de residência', 'autorizações de residência'), f('renovação da autorização', 'renovações da autorização'), f('autorização única', 'autorizações únicas'), m('estatuto de residente de longa duração', 'estatutos de residente de longa duração'), m('título de residência', 'títulos de residência'), m('agendamento na AIMA', 'agendamentos na AIMA')], groups: ['os nacionais de países terceiros', 'os residentes de longa duração', 'os estudantes internacionais'], issues: ['a falta de agendamentos', 'os atrasos nos processos', 'as taxas elevadas'], goals: ['reduzir os prazos de decisão', 'desmaterializar os pedidos'], outcomes: [['obter o estatuto de residente de longa duração', 'obtido o estatuto de residente de longa duração'], ['renovar a autorização a tempo', 'renovado a autorização a tempo']], articles: ['Autorização de residência', 'Renovação', 'Residência de longa duração'], requirements: ['meios de subsistência suficientes', 'um seguro de saúde'] },
  family: { names: ['o reagrupamento familiar', 'o direito ao reagrupamento familiar'], measures: [m('pedido de reagrupamento familiar', 'pedidos de reagrupamento familiar'), f('marcação no consulado', 'marcações no consulado'), f('verificação de meios', 'verificações de meios'), m('teste de língua antes da partida', 'testes de língua antes da partida'), m('teste de ADN', 'testes de ADN'), m('visto de reagrupamento', 'vistos de reagrupamento')], groups: ['os requerentes do reagrupamento', 'os cônjuges', 'os filhos menores'], issues: ['os longos tempos de espera', 'a dificuldade de provar os laços familiares', 'as exigências de alojamento'], goals: ['dispensar os refugiados da prova de meios', 'aceitar outras provas dos laços familiares'], outcomes: [['trazer a família', 'trazido a família'], ['reunir-se com os filhos', 'conseguido reunir-se com os filhos']], articles: ['Membros da família', 'Requisitos do reagrupamento', 'Apresentação do pedido'], requirements: ['alojamento adequado', 'meios de subsistência suficientes para a família'] },
  language: { names: ['o ensino do português a adultos migrantes', 'os cursos de Português Língua de Acolhimento'], measures: [m('curso de Português Língua de Acolhimento', 'cursos de Português Língua de Acolhimento'), m('percurso de integração', 'percursos de integração'), m('curso de alfabetização', 'cursos de alfabetização'), m('exame de língua', 'exames de língua'), f('vaga num curso', 'vagas em cursos'), m('curso em linha', 'cursos em linha')], groups: ['os formandos adultos', 'as mães que trabalham', 'os recém-chegados'], issues: ['as listas de espera', 'a falta de creches durante as aulas', 'o abandono dos cursos'], goals: ['oferecer acolhimento às crianças durante as aulas', 'combinar o ensino da língua com estágios'], outcomes: [['atingir o nível A2', 'atingido o nível A2'], ['passar no exame final', 'passado no exame final']], articles: ['Direito à formação linguística', 'Conteúdo dos cursos', 'Exame final'], requirements: ['conhecimento de português de nível A2', 'a frequência regular do curso'] },
  recognition: { names: ['o reconhecimento de qualificações estrangeiras', 'o reconhecimento de diplomas estrangeiros'], measures: [m('processo de reconhecimento', 'processos de reconhecimento'), m('diploma estrangeiro', 'diplomas estrangeiros'), f('formação complementar', 'formações complementares'), f('avaliação de competências', 'avaliações de competências'), m('estágio de adaptação', 'estágios de adaptação'), f('prova de aptidão', 'provas de aptidão')], groups: ['os enfermeiros formados no estrangeiro', 'os engenheiros de países terceiros', 'os médicos estrangeiros'], issues: ['o custo das traduções certificadas', 'a falta de documentos', 'a lentidão dos processos'], goals: ['criar um balcão único para o reconhecimento', 'encurtar os processos'], outcomes: [['exercer a sua profissão', 'exercido a sua profissão'], ['encontrar um emprego adequado', 'encontrado um emprego adequado']], articles: ['Processo de reconhecimento', 'Medidas de compensação', 'Prazos'], requirements: ['cópias certificadas dos diplomas'] },
  housing: { names: ['o acesso à habitação', 'a habitação dos refugiados'], measures: [f('habitação social', 'habitações sociais'), m('apoio ao arrendamento', 'apoios ao arrendamento'), m('contrato de arrendamento', 'contratos de arrendamento'), m('quarto partilhado', 'quartos partilhados'), m('programa municipal de habitação', 'programas municipais de habitação'), f('caução de arrendamento', 'cauções de arrendamento')], groups: ['as famílias refugiadas', 'os homens sozinhos', 'as famílias numerosas'], issues: ['a discriminação por parte dos senhorios', 'as rendas elevadas', 'a falta de habitação social'], goals: ['garantir as rendas de inquilinos refugiados', 'construir mais habitação social'], outcomes: [['encontrar uma casa própria', 'encontrado uma casa própria'], ['assinar um contrato de arrendamento', 'assinado um contrato de arrendamento']], articles: ['Atribuição de habitação', 'Apoio ao arrendamento', 'Igualdade de tratamento'], requirements: ['um contrato de arrendamento'] },
  health: { names: ['o acesso dos migrantes à saúde', 'a saúde mental dos refugiados'], measures: [f('consulta médica', 'consultas médicas'), m('número de utente', 'números de utente'), m('intérprete', 'intérpretes'), m('serviço de saúde mental', 'serviços de saúde mental'), f('campanha de vacinação', 'campanhas de vacinação'), m('mediador de saúde', 'mediadores de saúde')], groups: ['os requerentes de asilo', 'as mulheres grávidas', 'os migrantes idosos'], issues: ['as barreiras linguísticas', 'os traumas não tratados', 'a falta de intérpretes'], goals: ['financiar intérpretes nos centros de saúde', 'atribuir o número de utente à chegada'], outcomes: [['ver um médico numa semana', 'visto um médico numa semana'], ['receber apoio psicológico', 'recebido apoio psicológico']], articles: ['Direito aos cuidados de saúde', 'Pessoas vulneráveis', 'Interpretação'], requirements: ['um atestado médico'] },
  education: { names: ['a integração escolar dos alunos migrantes', 'a formação profissional dos jovens migrantes'], measures: [f('turma de acolhimento', 'turmas de acolhimento'), f('vaga escolar', 'vagas escolares'), f('aula de apoio', 'aulas de apoio'), f('vaga de formação profissional', 'vagas de formação profissional'), m('mediador escolar', 'mediadores escolares'), f('aula de língua materna', 'aulas de língua materna')], groups: ['os alunos de origem estrangeira', 'as crianças recém-chegadas', 'os pais'], issues: ['a segregação escolar', 'o abandono escolar precoce', 'as turmas sobrelotadas'], goals: ['matricular as crianças no primeiro mês', 'formar os professores em português língua não materna'], outcomes: [['passar para uma turma regular', 'passado para uma turma regular'], ['concluir o ensino secundário', 'concluído o ensino secundário']], articles: ['Escolaridade obrigatória', 'Turmas de acolhimento', 'Apoio linguístico'], requirements: ['a residência no concelho'] },
  labour: { names: ['a integração laboral dos migrantes', 'o acesso ao mercado de trabalho'], measures: [m('estágio profissional', 'estágios profissionais'), m('programa de orientação para o emprego', 'programas de orientação para o emprego'), m('contrato de aprendizagem', 'contratos de aprendizagem'), f('autorização de trabalho', 'autorizações de trabalho'), m('contrato de trabalho', 'contratos de trabalho'), m('Cartão Azul UE', 'Cartões Azuis UE')], groups: ['os desempregados', 'as mulheres migrantes', 'os trabalhadores sazonais'], issues: ['a sobrequalificação', 'o trabalho não declarado', 'a discriminação no recrutamento'], goals: ['reconhecer as competências adquiridas no trabalho', 'acelerar os vistos para trabalho'], outcomes: [['encontrar um emprego estável', 'encontrado um emprego estável'], ['viver do seu trabalho', 'vivido do seu trabalho']], articles: ['Acesso ao emprego', 'Mudança de empregador', 'Igualdade de tratamento'], requirements: ['um contrato de trabalho', 'a inscrição na segurança social'] },
  civic: { names: ['o acolhimento dos recém-chegados', 'os percursos de integração'], measures: [f('sessão de cidadania', 'sessões de cidadania'), m('plano municipal de integração', 'planos municipais de integração'), f('sessão de informação', 'sessões de informação'), m('programa de integração', 'programas de integração'), m('teste de conhecimentos', 'testes de conhecimentos'), m('plano individual de integração', 'planos individuais de integração')], groups: ['os recém-chegados', 'os participantes', 'os voluntários'], issues: ['a fraca participação', 'as diferenças entre municípios', 'a falta de financiamento estável'], goals: ['adaptar as sessões às necessidades dos participantes', 'oferecer as sessões na língua de origem'], outcomes: [['concluir o programa', 'concluído o programa'], ['passar no teste de conhecimentos', 'passado no teste de conhecimentos']], articles: ['Programa de integração', 'Deveres dos participantes', 'Papel dos municípios'], requirements: ['a participação nas sessões'] },
  discrimination: { names: ['o combate à discriminação', 'a igualdade de tratamento dos migrantes'], measures: [f('queixa por discriminação', 'queixas por discriminação'), m('organismo para a igualdade', 'organismos para a igualdade'), f('campanha de sensibilização', 'campanhas de sensibilização'), m('currículo anónimo', 'currículos anónimos'), m('teste de discriminação', 'testes de discriminação'), f('carta da diversidade', 'cartas da diversidade')], groups: ['as vítimas de discriminação', 'os empregadores', 'os jovens afrodescendentes'], issues: ['a subnotificação', 'os crimes de ódio', 'o discurso de ódio em linha'], goals: ['recolher dados sobre a igualdade', 'formar as forças de segurança'], outcomes: [['apresentar uma queixa', 'apresentado uma queixa'], ['obter uma indemnização', 'obtido uma indemnização']], articles: ['Proibição da discriminação', 'Ónus da prova', 'Organismo para a igualdade'], requirements: ['indícios de discriminação'] },
  reception: { names: ['o acolhimento dos requerentes de asilo', 'as condições de acolhimento'], measures: [m('centro de acolhimento', 'centros de acolhimento'), f('vaga de acolhimento', 'vagas de acolhimento'), m('pedido de asilo', 'pedidos de asilo'), m('subsídio mensal', 'subsídios mensais'), m('alojamento de emergência', 'alojamentos de emergência'), f('estrutura de acolhimento', 'estruturas de acolhimento')], groups: ['os requerentes de asilo', 'as pessoas deslocadas da Ucrânia', 'as famílias com crianças'], issues: ['a sobrelotação', 'o isolamento dos centros', 'a duração dos procedimentos'], goals: ['identificar as vulnerabilidades à chegada', 'alojar as famílias em apartamentos'], outcomes: [['deixar o centro de acolhimento', 'deixado o centro de acolhimento'], ['obter proteção internacional', 'obtido proteção internacional']], articles: ['Condições materiais de acolhimento', 'Centros de acolhimento', 'Pessoas vulneráveis'], requirements: ['o registo do pedido de proteção internacional'] },
  minors: { names: ['os menores não acompanhados', 'a tutela dos menores não acompanhados'], measures: [m('tutor', 'tutores'), f('avaliação da idade', 'avaliações da idade'), f('família de acolhimento', 'famílias de acolhimento'), f('vaga em casa de acolhimento', 'vagas em casas de acolhimento'), m('apartamento de autonomização', 'apartamentos de autonomização'), m('plano de autonomia', 'planos de autonomia')], groups: ['os menores não acompanhados', 'os jovens que fazem 18 anos', 'as raparigas que viajam sozinhas'], issues: ['os desaparecimentos', 'os atrasos na nomeação de tutores', 'o fim abrupto do apoio aos 18 anos'], goals: ['nomear um tutor numa semana', 'prolongar o apoio até aos 21 anos'], outcomes: [['terminar os estudos', 'terminado os estudos'], ['arranjar uma casa independente', 'arranjado uma casa independente']], articles: ['Tutela', 'Avaliação da idade', 'Superior interesse da criança'], requirements: ['o consentimento do tutor'] },
  citizenship: { names: ['a naturalização', 'o acesso à nacionalidade'], measures: [m('pedido de nacionalidade', 'pedidos de nacionalidade'), f('prova de língua', 'provas de língua'), f('cerimónia de naturalização', 'cerimónias de naturalização'), m('certificado de português', 'certificados de português'), m('emolumento', 'emolumentos'), f('declaração de compromisso', 'declarações de compromisso')], groups: ['os requerentes da nacionalidade', 'os residentes de longa duração', 'os filhos nascidos em Portugal'], issues: ['os longos prazos de decisão', 'a exigência de prova de ligação efetiva', 'a complexidade dos processos'], goals: ['encurtar os prazos de decisão', 'publicar exemplos de perguntas'], outcomes: [['obter a nacionalidade', 'obtido a nacionalidade'], ['passar na prova de língua', 'passado na prova de língua']], articles: ['Requisitos da naturalização', 'Residência legal', 'Dupla nacionalidade'], requirements: ['cinco anos de residência legal', 'conhecimento suficiente da língua portuguesa'] },
};

const MONTHS = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
const num = (n: number) => grouped(n, ' ', false);
const pct = (n: number) => `${n} %`;
const the = (n: Noun, plural = false) => (plural ? `${n.f ? 'as' : 'os'} ${n.pl}` : `${n.f ? 'a' : 'o'} ${n.sg}`);
const um = (n: Noun) => `${n.f ? 'uma' : 'um'} ${n.sg}`;
/** de, em, a, por before an article: do, da, dos, das, no, na, ao, à, pelo… */
function prep(word: 'de' | 'em' | 'a' | 'por', phrase: string): string {
  const match = /^(o|a|os|as) (.*)$/.exec(phrase);
  if (!match) return `${word} ${phrase}`;
  const joined: Record<string, Record<string, string>> = {
    de: { o: 'do', a: 'da', os: 'dos', as: 'das' }, em: { o: 'no', a: 'na', os: 'nos', as: 'nas' }, a: { o: 'ao', a: 'à', os: 'aos', as: 'às' }, por: { o: 'pelo', a: 'pela', os: 'pelos', as: 'pelas' },
  };
  return `${joined[word]![match[1]!]} ${match[2]}`;
}
const agree = (word: string, n: Noun, plural: boolean) => `${word.slice(0, -1)}${n.f ? 'a' : 'o'}${plural ? 's' : ''}`;

const words = (s: Scene) => TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const measure = (s: Scene, ...kinds: MeasureKind[]) => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined).forms;
const group = (s: Scene) => pick(s, words(s).groups);
const inCountry = (s: Scene) => country('pt', s.country).in;
const inCity = (s: Scene, shift = 0) => city('pt', s.country, s.city + shift).in;
const cityName = (s: Scene, shift = 0) => city('pt', s.country, s.city + shift).name;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const theCitation = (s: Scene) => `${s.eu.kind === 'regulation' ? 'o' : 'a'} ${cite(s.eu, 'pt')}`;
const national = (s: Scene) => (s.national?.lang === 'pt' ? s.national.forms[0]! : 'a Lei de Estrangeiros');
/** The agency that took over from SEF and ACM on 29 October 2023. */
const agency = (s: Scene) => (s.year >= 2024 ? 'a Agência para a Integração, Migrações e Asilo (AIMA)' : 'o Alto Comissariado para as Migrações (ACM)');
const BODIES = (s: Scene) => [agency(s), 'o Instituto do Emprego e Formação Profissional (IEFP)', 'a Segurança Social', 'o Conselho Português para os Refugiados'];
const actor = (s: Scene): [string, boolean] => pick(s, [[pick(s, BODIES(s)), false], [`a Câmara Municipal de ${cityName(s, s.rnd.int(0, 2))}`, false], ['as associações de imigrantes', true], ['as organizações da sociedade civil', true], ['a Comissão Europeia', false]] as const);
function change(s: Scene, min: number, max: number): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'subiu' : 'desceu'} de ${from} para ${to}`;
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Este relatório', 'Este estudo', 'Este documento'])} ${pick(s, ['analisa', 'examina', 'descreve'])} ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, [`entre ${earlier(s, 4, 8)} e ${s.year}`, `desde ${earlier(s, 3, 10)}`, `em ${s.year}`])}, com base em ${pick(s, [`${s.rnd.int(12, 80)} entrevistas a técnicos`, 'dados administrativos', `um inquérito a ${num(count(s.rnd, 200, 4000))} pessoas`, `processos de ${s.rnd.int(3, 40)} municípios`])}.`,
    (s) => `O objetivo é perceber como ${pick(s, ['os municípios', 'as associações', 'os serviços públicos'])} ${pick(s, ['organizam', 'financiam', 'gerem'])} ${the(measure(s, 'service', 'slot', 'facility', 'person'), true)} para ${group(s)}.`,
  ],
  context: [
    (s) => `Desde ${earlier(s, 2, 12)}, ${pick(s, BODIES(s))} ${pick(s, ['coordena', 'financia', 'acompanha'])} ${the(measure(s), true)} ${inCountry(s)}.`,
    (s) => {
      const n = measure(s, 'service', 'facility');
      return `${cap(inCity(s, s.rnd.int(0, 2)))}, ${the(n, true)} são ${agree('gerido', n, true)} por ${pick(s, ['associações locais', 'a Cruz Vermelha', 'uma rede de voluntários', 'centros de formação'])}.`;
    },
  ],
  legal: [
    (s) => `Nos termos ${prep('de', theCitation(s))}, ${group(s)} ${pick(s, ['têm direito a', 'podem pedir'])} ${um(measure(s, 'document', 'slot', 'money', 'service'))} ${pick(s, ['num prazo razoável', 'nas mesmas condições que os nacionais', 'nas condições previstas na lei'])}.`,
    (s) => (s.eu.kind === 'directive' ? `Portugal transpôs ${theCitation(s)} em ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} através de uma alteração ${prep('a', national(s))}.` : `${cap(theCitation(s))} aplica-se diretamente em Portugal desde ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))}.`),
    (s) => `${cap(national(s))} exige que ${group(s)} comprovem ${pick(s, words(s).requirements)}.`,
  ],
  finding: [
    (s) => {
      const [who, plural] = actor(s);
      const n = measure(s);
      const clause = pick(s, [`${pick(s, words(s).issues)} continua a ser o principal obstáculo ${inCity(s)}`, `${the(n, true)} são ${pick(s, ['insuficientes', agree('lento', n, true), agree('sobrelotado', n, true)])} fora das grandes cidades`, `a cooperação com as associações melhorou desde ${earlier(s, 1, 5)}`]);
      return `${cap(who)} ${plural ? pick(s, ['assinalam', 'observam', 'referem']) : pick(s, ['assinala', 'observa', 'refere'])} que ${clause}.`;
    },
    (s) => `O tempo de espera por ${um(measure(s))} ${change(s, 2, 14)} ${pick(s, ['semanas', 'meses'])} entre ${earlier(s, 3, 6)} e ${earlier(s, 0, 1)}.`,
    (s) => `Apenas ${pct(s.rnd.int(12, 64))} das pessoas que ${pick(s, ['iniciaram', 'concluíram'])} ${um(measure(s, 'service', 'procedure', 'application'))} tinham ${pick(s, words(s).outcomes)[1]} ao fim de ${s.rnd.int(6, 36)} meses.`,
  ],
  data: [
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, foram ${pick(s, ['registados', 'tratados', 'concluídos'])} ${num(count(s.rnd, 30, 9000))} processos relativos ${prep('a', the(measure(s), true))} em ${earlier(s, 0, 4)}.`,
    (s) => `Em ${earlier(s, 0, 3)}, ${num(count(s.rnd, 40, 60_000))} pessoas ${pick(s, ['participaram em', 'pediram', 'obtiveram'])} ${the(measure(s), true).replace(/^(os|as) /, '')} ${where(s)}, mais ${pct(s.rnd.int(2, 40))} do que no ano anterior.`,
    (s) => `Um em cada ${s.rnd.int(3, 9)} processos dizia respeito ${prep('a', group(s))}.`,
  ],
  voice: [
    (s) => `«${pick(s, [`Esperámos ${s.rnd.int(4, 22)} meses por ${um(measure(s))}`, `Ninguém nos explicou como funcionam ${the(measure(s), true)}`, `As primeiras ${s.rnd.int(2, 12)} semanas decidem tudo`, 'Sem os voluntários teria desistido'])}», conta ${pick(s, ['uma técnica de integração', 'um jovem guineense', 'uma mãe brasileira', 'um mediador intercultural'])} ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Os autores', 'As associações consultadas', 'Os especialistas'])} ${pick(s, ['recomendam', 'propõem'])} ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'e')}.`,
    (s) => `As verbas ${pick(s, ['do Fundo para o Asilo, a Migração e a Integração (FAMI)', 'do Fundo Social Europeu Mais (FSE+)'])} poderiam ${pick(s, ['reforçar', 'estabilizar', 'alargar'])} ${the(measure(s, 'service', 'slot', 'facility', 'person'), true)} ${pick(s, ['no interior', 'nos municípios pequenos', inCity(s, 1)])}.`,
  ],
  conclusion: [
    (s) => `No conjunto, a política relativa ${prep('a', pick(s, words(s).names))} ${inCountry(s)} ${pick(s, ['melhorou', 'continua desigual', 'pouco mudou'])} desde ${earlier(s, 3, 10)}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, muito depende ${prep('de', pick(s, ['a capacidade do município', 'um financiamento estável', 'a atitude dos empregadores', 'a duração dos processos', 'a disponibilidade de intérpretes']))}, ${pick(s, ['como no resto do país', 'mais do que noutras cidades', `sobretudo desde ${earlier(s, 2, 8)}`])}.`,
  ],
};

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Sumário', 'Síntese'], introduction: ['Introdução', 'Objeto e âmbito'], context: ['Contexto', 'Enquadramento'], legal: ['Enquadramento jurídico', 'Quadro legal'],
  method: ['Metodologia', 'Dados e métodos'], findings: ['Resultados', 'Principais conclusões'], data: ['Factos e números', 'Estatísticas'], practice: ['Boas práticas', 'Experiências locais'],
  recommendations: ['Recomendações', 'Propostas'], conclusions: ['Conclusões', 'Perspetivas'],
};

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const n = measure(s, 'document', 'slot', 'money', 'service');
  if (role === 'scope') return paragraph === 1 ? `A presente lei regula ${pick(s, w.names)} ${inCountry(s)}.` : `A presente lei aplica-se ${prep('a', group(s))} que residam legalmente em território nacional.`;
  if (role === 'definitions') return pick(s, [`Para efeitos da presente lei, entende-se por «${n.sg}» ${um(n)} ${agree('concedido', n, false)} pela autoridade competente.`, 'Entende-se por «autoridade competente» a entidade designada pelo membro do Governo responsável pelas migrações.']);
  if (role === 'final') return pick(s, ['A presente lei entra em vigor no dia seguinte ao da sua publicação.', 'O Governo regulamenta a presente lei no prazo de 90 dias.']);
  return pick(s, [
    `O pedido de ${n.sg} é apresentado junto da autoridade competente no prazo de ${s.rnd.int(2, 12) * 15} dias ${pick(s, ['após a entrada', 'antes de caducar o título em vigor'])}.`,
    `A autoridade competente decide no prazo de ${s.rnd.int(3, 12) * 10} dias a contar da receção do pedido.`,
    `${cap(the(n))} é ${agree('válido', n, false)} por ${pick(s, ['um ano', 'dois anos', 'cinco anos'])} e pode ser ${agree('renovado', n, false)}.`,
    `O requerente deve comprovar ${pick(s, w.requirements)}.`,
    `Pela emissão de ${um(n)} é devida uma taxa de ${s.rnd.int(2, 40) * 10} euros.`,
    `O disposto no n.º ${Math.max(1, paragraph - 1)} não se aplica ${prep('a', pick(s, ['os menores', 'as pessoas com deficiência', 'os beneficiários de proteção internacional']))}.`,
    `Das decisões tomadas ao abrigo do presente artigo cabe recurso para o tribunal administrativo no prazo de ${s.rnd.int(2, 6) * 10} dias.`,
    `${cap(group(s))} que residam legalmente em Portugal há pelo menos ${s.rnd.int(3, 8)} anos podem pedir ${um(n)}.`,
  ]);
}

const ACT: Record<NationalActKind, string> = { act: 'Lei', regulation: 'Decreto-Lei', decree: 'Decreto Regulamentar', bylaw: 'Regulamento Municipal', circular: 'Despacho' };

export const portuguese: LanguagePack = {
  lang: 'pt',
  date: (iso) => {
    const { y, m: month, d } = parts(iso);
    return `${d} de ${MONTHS[month - 1]} de ${y}`;
  },
  month: (year, month) => `${MONTHS[month - 1]} de ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, [...words(s).goals, ...words(s).issues])} ${where(s)}.`),
  title: (s) => {
    const subject = pick(s, words(s).names);
    const place = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
    const options: Record<Scene['kind'], string[]> = {
      legislation: [`Lei sobre ${subject}`], 'policy-document': [`Plano nacional para ${subject} ${s.year}-${s.year + 3}`, `Plano municipal para a integração de migrantes de ${cityName(s, s.rnd.int(0, 3))} ${s.year}-${s.year + 3}`],
      report: [`Relatório anual sobre ${subject} ${place}, ${s.year}`, `${cap(pick(s, words(s).issues))} ${place}: relatório ${s.year}`], study: [`Estudo sobre ${subject} ${place} (${s.year})`],
      'impact-assessment': [`Avaliação de impacto das novas regras sobre ${the(measure(s), true)} (${s.year})`], evaluation: [`Avaliação ${prep('de', the(measure(s), true))} ${place}, ${s.year - s.rnd.int(2, 5)}-${s.year}`],
      article: [`${cap(pick(s, words(s).issues))}: ${subject} ${place}`], other: [`Guia sobre ${subject} para ${group(s)} ${place} (${s.year})`],
    };
    return pick(s, options[s.kind]);
  },
  actTitle: (s, kind, number, iso) => `${ACT[kind]}${kind === 'bylaw' ? ` de ${cityName(s)}` : ''} n.º ${number}/${iso.slice(0, 4)}, de ${portuguese.date(iso).replace(/ de \d{4}$/, '')} – ${cap(pick(s, words(s).names).replace(/^(o|a|os|as) /, ''))}`,
  articleLabel: (label) => `Artigo ${label.replace(/^(\d+)([a-d])$/, (_, n: string, l: string) => `${n}.º-${l.toUpperCase()}`).replace(/^(\d+)$/, '$1.º')}`,
  articleHeading: (s, role) => (role === 'scope' ? 'Objeto e âmbito' : role === 'definitions' ? 'Definições' : role === 'final' ? 'Entrada em vigor' : pick(s, words(s).articles)),
  provision,
  repealed: '(Revogado.)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (c: ArticleChange) => (c.op === 'inserted' ? `aditado o artigo ${c.article}` : c.op === 'repealed' ? `revogado o artigo ${c.article}` : `alterado o n.º ${c.paragraph ?? 1} do artigo ${c.article}`);
    return `${cap(list(changes.map(what), 'e'))} pela ${act}, em vigor desde ${portuguese.date(inForceFrom)}.`.replace(/pela (Decreto|Regulamento|Despacho)/, 'pelo $1');
  },
  pageLabel: (page, of) => `página ${page} de ${of}`,
  labels: { published: 'Publicado', place: 'Local', identifier: 'Identificador', version: 'Versão', inForce: 'em vigor desde' },
};
