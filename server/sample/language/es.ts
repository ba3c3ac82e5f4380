// Spanish: the documents Spain writes about itself. Nouns carry gender for
// articles (el, la, los, las; del, al) and for participle agreement.
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
  names: readonly string[];
  measures: readonly Noun[];
  groups: readonly string[];
  issues: readonly string[];
  goals: readonly string[];
  outcomes: ReadonlyArray<readonly [string, string]>;
  articles: readonly string[];
  requirements: readonly string[];
}

const TOPICS: Record<TopicKey, Words> = {
  residence: { names: ['las autorizaciones de residencia', 'la residencia de larga duración'], measures: [f('autorización de residencia', 'autorizaciones de residencia'), f('renovación de la autorización', 'renovaciones de la autorización'), m('permiso único', 'permisos únicos'), f('tarjeta de residente de larga duración', 'tarjetas de residente de larga duración'), f('tarjeta de identidad de extranjero', 'tarjetas de identidad de extranjero'), f('cita previa en extranjería', 'citas previas en extranjería')], groups: ['nacionales de terceros países', 'residentes de larga duración', 'estudiantes internacionales'], issues: ['la falta de citas previas', 'los retrasos en la tramitación', 'las tasas elevadas'], goals: ['reducir los plazos de tramitación', 'digitalizar las solicitudes'], outcomes: [['obtener la residencia de larga duración', 'obtenido la residencia de larga duración'], ['renovar su autorización a tiempo', 'renovado su autorización a tiempo']], articles: ['Autorización de residencia', 'Renovación', 'Residencia de larga duración'], requirements: ['medios económicos suficientes', 'un seguro médico'] },
  family: { names: ['la reagrupación familiar', 'el derecho a la reagrupación familiar'], measures: [f('solicitud de reagrupación familiar', 'solicitudes de reagrupación familiar'), f('cita consular', 'citas consulares'), f('comprobación de medios económicos', 'comprobaciones de medios económicos'), f('prueba de idioma previa', 'pruebas de idioma previas'), f('prueba de ADN', 'pruebas de ADN'), m('visado de reagrupación', 'visados de reagrupación')], groups: ['reagrupantes', 'cónyuges', 'hijos menores'], issues: ['los largos plazos de espera', 'la dificultad de probar el vínculo familiar', 'los requisitos de vivienda'], goals: ['eximir a los refugiados del requisito de medios', 'aceptar otras pruebas del vínculo familiar'], outcomes: [['traer a su familia', 'traído a su familia'], ['reunirse con sus hijos', 'podido reunirse con sus hijos']], articles: ['Familiares reagrupables', 'Requisitos de la reagrupación', 'Presentación de la solicitud'], requirements: ['una vivienda adecuada', 'medios económicos suficientes para la familia'] },
  language: { names: ['la enseñanza del español a personas inmigrantes', 'los cursos de idioma para recién llegados'], measures: [m('curso de español', 'cursos de español'), m('itinerario de integración', 'itinerarios de integración'), m('taller de alfabetización', 'talleres de alfabetización'), m('examen de idioma', 'exámenes de idioma'), f('plaza en un curso', 'plazas en cursos'), m('curso en línea', 'cursos en línea')], groups: ['alumnos adultos', 'madres trabajadoras', 'personas recién llegadas'], issues: ['las listas de espera', 'la falta de guarderías durante las clases', 'el abandono de los cursos'], goals: ['ofrecer cuidado infantil durante las clases', 'combinar la enseñanza del idioma con prácticas'], outcomes: [['alcanzar el nivel B1', 'alcanzado el nivel B1'], ['aprobar el examen final', 'aprobado el examen final']], articles: ['Derecho a la formación lingüística', 'Contenido de los cursos', 'Examen final'], requirements: ['un conocimiento del español de nivel A2', 'la asistencia regular al curso'] },
  recognition: { names: ['la homologación de títulos extranjeros', 'el reconocimiento de cualificaciones profesionales'], measures: [m('procedimiento de homologación', 'procedimientos de homologación'), m('título extranjero', 'títulos extranjeros'), f('formación complementaria', 'formaciones complementarias'), f('evaluación de competencias', 'evaluaciones de competencias'), m('período de prácticas', 'períodos de prácticas'), f('prueba de aptitud', 'pruebas de aptitud')], groups: ['enfermeras formadas en el extranjero', 'ingenieros de terceros países', 'médicos extracomunitarios'], issues: ['el coste de las traducciones juradas', 'la falta de documentos', 'la lentitud de los expedientes'], goals: ['crear una ventanilla única de homologación', 'acortar los procedimientos'], outcomes: [['ejercer su profesión', 'ejercido su profesión'], ['encontrar un empleo acorde con su formación', 'encontrado un empleo acorde con su formación']], articles: ['Procedimiento de homologación', 'Medidas compensatorias', 'Plazos'], requirements: ['copias compulsadas de los títulos', 'una descripción de la formación recibida'] },
  housing: { names: ['el acceso a la vivienda', 'la vivienda de las personas refugiadas', 'la vivienda como vía de integración'], measures: [f('vivienda social', 'viviendas sociales'), f('ayuda al alquiler', 'ayudas al alquiler'), m('contrato de alquiler', 'contratos de alquiler'), m('piso compartido', 'pisos compartidos'), m('programa municipal de vivienda', 'programas municipales de vivienda'), m('aval de alquiler', 'avales de alquiler')], groups: ['familias refugiadas', 'hombres solos', 'familias numerosas'], issues: ['la discriminación por parte de los propietarios', 'los alquileres elevados', 'la falta de vivienda social'], goals: ['avalar los alquileres de inquilinos refugiados', 'construir más vivienda social'], outcomes: [['encontrar una vivienda propia', 'encontrado una vivienda propia'], ['firmar un contrato de alquiler', 'firmado un contrato de alquiler']], articles: ['Adjudicación de viviendas', 'Ayudas al alquiler', 'Igualdad de trato'], requirements: ['un contrato de alquiler', 'ingresos suficientes para el alquiler'] },
  health: { names: ['la atención sanitaria a las personas migrantes', 'la salud mental de las personas refugiadas'], measures: [m('reconocimiento médico', 'reconocimientos médicos'), f('tarjeta sanitaria', 'tarjetas sanitarias'), m('intérprete', 'intérpretes'), m('servicio de salud mental', 'servicios de salud mental'), f('campaña de vacunación', 'campañas de vacunación'), m('mediador intercultural', 'mediadores interculturales')], groups: ['solicitantes de asilo', 'mujeres embarazadas', 'personas mayores migrantes'], issues: ['las barreras lingüísticas', 'los traumas no tratados', 'la falta de intérpretes'], goals: ['financiar intérpretes en los centros de salud', 'expedir la tarjeta sanitaria a la llegada'], outcomes: [['ver a un médico en una semana', 'visto a un médico en una semana'], ['recibir apoyo psicológico', 'recibido apoyo psicológico']], articles: ['Derecho a la asistencia sanitaria', 'Personas vulnerables', 'Interpretación'], requirements: ['un certificado médico'] },
  education: { names: ['la escolarización del alumnado inmigrante', 'la formación profesional de los jóvenes migrantes', 'la integración educativa del alumnado extranjero'], measures: [f('aula de acogida', 'aulas de acogida'), f('plaza escolar', 'plazas escolares'), f('clase de refuerzo', 'clases de refuerzo'), f('plaza de formación profesional', 'plazas de formación profesional'), m('mediador escolar', 'mediadores escolares'), f('clase de lengua de origen', 'clases de lengua de origen')], groups: ['alumnos de origen extranjero', 'niños recién llegados', 'padres y madres'], issues: ['la segregación escolar', 'el abandono escolar temprano', 'las aulas saturadas'], goals: ['escolarizar a los niños en el primer mes', 'formar al profesorado en español como segunda lengua'], outcomes: [['pasar a un aula ordinaria', 'pasado a un aula ordinaria'], ['terminar la secundaria', 'terminado la secundaria']], articles: ['Escolarización obligatoria', 'Aulas de acogida', 'Apoyo lingüístico'], requirements: ['el empadronamiento en el municipio'] },
  labour: { names: ['la integración laboral de las personas inmigrantes', 'el acceso al mercado de trabajo'], measures: [f('práctica en empresa', 'prácticas en empresa'), m('programa de orientación laboral', 'programas de orientación laboral'), m('contrato de formación', 'contratos de formación'), f('autorización de trabajo', 'autorizaciones de trabajo'), m('contrato de trabajo', 'contratos de trabajo'), f('tarjeta azul UE', 'tarjetas azules UE')], groups: ['demandantes de empleo', 'mujeres migrantes', 'trabajadores temporeros'], issues: ['la sobrecualificación', 'la economía sumergida', 'la discriminación en la contratación'], goals: ['facilitar el arraigo para la formación', 'reconocer las competencias adquiridas en el trabajo'], outcomes: [['encontrar un empleo estable', 'encontrado un empleo estable'], ['vivir de su trabajo', 'vivido de su trabajo']], articles: ['Acceso al empleo', 'Cambio de empleador', 'Igualdad de trato'], requirements: ['una oferta de empleo firme', 'un contrato de trabajo de al menos un año'] },
  civic: { names: ['la acogida de las personas recién llegadas', 'los itinerarios de integración', 'la integración social de las personas inmigrantes'], measures: [m('curso de conocimientos constitucionales', 'cursos de conocimientos constitucionales'), m('compromiso de integración', 'compromisos de integración'), f('sesión informativa', 'sesiones informativas'), m('programa de integración', 'programas de integración'), m('examen de conocimientos', 'exámenes de conocimientos'), m('plan individual de integración', 'planes individuales de integración')], groups: ['personas recién llegadas', 'participantes', 'voluntarios'], issues: ['la escasa participación', 'las diferencias entre comunidades autónomas', 'la falta de financiación estable'], goals: ['adaptar los cursos a las necesidades de los participantes', 'ofrecer los cursos en la lengua de origen'], outcomes: [['aprobar el examen de conocimientos', 'aprobado el examen de conocimientos'], ['completar el itinerario', 'completado el itinerario']], articles: ['Itinerario de integración', 'Obligaciones de los participantes', 'Papel de los municipios'], requirements: ['la participación en el curso'] },
  discrimination: { names: ['la lucha contra la discriminación', 'la igualdad de trato de las personas migrantes'], measures: [f('denuncia por discriminación', 'denuncias por discriminación'), m('organismo de igualdad', 'organismos de igualdad'), f('campaña de sensibilización', 'campañas de sensibilización'), m('currículum anónimo', 'currículos anónimos'), f('prueba de discriminación', 'pruebas de discriminación'), f('carta de la diversidad', 'cartas de la diversidad')], groups: ['víctimas de discriminación', 'empleadores', 'jóvenes afrodescendientes'], issues: ['la infradenuncia', 'los delitos de odio', 'el discurso de odio en internet'], goals: ['recoger datos sobre igualdad', 'formar a la policía'], outcomes: [['presentar una denuncia', 'presentado una denuncia'], ['obtener una reparación', 'obtenido una reparación']], articles: ['Prohibición de la discriminación', 'Carga de la prueba', 'Organismo de igualdad'], requirements: ['indicios de discriminación'] },
  reception: { names: ['la acogida de solicitantes de protección internacional', 'las condiciones de acogida', 'la acogida e integración de las personas refugiadas'], measures: [m('centro de acogida', 'centros de acogida'), f('plaza de acogida', 'plazas de acogida'), f('solicitud de asilo', 'solicitudes de asilo'), f('prestación económica', 'prestaciones económicas'), m('albergue de emergencia', 'albergues de emergencia'), m('recurso de acogida', 'recursos de acogida')], groups: ['solicitantes de asilo', 'personas desplazadas de Ucrania', 'familias con hijos'], issues: ['la saturación del sistema', 'la lejanía de los centros', 'la duración de los procedimientos'], goals: ['detectar la vulnerabilidad a la llegada', 'alojar a las familias en pisos'], outcomes: [['salir del centro de acogida', 'salido del centro de acogida'], ['obtener protección internacional', 'obtenido protección internacional']], articles: ['Condiciones materiales de acogida', 'Centros de acogida', 'Personas vulnerables'], requirements: ['la formalización de la solicitud de protección internacional'] },
  minors: { names: ['los menores extranjeros no acompañados', 'la tutela de los menores no acompañados'], measures: [m('tutor', 'tutores'), f('determinación de la edad', 'determinaciones de la edad'), f('familia de acogida', 'familias de acogida'), f('plaza en un centro de menores', 'plazas en centros de menores'), m('piso tutelado', 'pisos tutelados'), m('plan de emancipación', 'planes de emancipación')], groups: ['menores no acompañados', 'jóvenes extutelados', 'niñas que viajan solas'], issues: ['las desapariciones', 'los retrasos en la designación de tutores', 'el fin brusco del apoyo a los 18 años'], goals: ['designar un tutor en una semana', 'prolongar el apoyo hasta los 21 años'], outcomes: [['terminar sus estudios', 'terminado sus estudios'], ['acceder a una vivienda independiente', 'accedido a una vivienda independiente']], articles: ['Tutela', 'Determinación de la edad', 'Interés superior del menor'], requirements: ['el consentimiento del tutor'] },
  citizenship: { names: ['la nacionalidad por residencia', 'el acceso a la nacionalidad'], measures: [f('solicitud de nacionalidad', 'solicitudes de nacionalidad'), f('prueba CCSE', 'pruebas CCSE'), f('jura de nacionalidad', 'juras de nacionalidad'), m('diploma DELE', 'diplomas DELE'), f('tasa de nacionalidad', 'tasas de nacionalidad'), f('declaración de lealtad', 'declaraciones de lealtad')], groups: ['solicitantes de nacionalidad', 'residentes de larga duración', 'hijos nacidos en España'], issues: ['los largos plazos de resolución', 'la exigencia de renunciar a la nacionalidad anterior', 'la dificultad de las pruebas'], goals: ['acortar los plazos de resolución', 'publicar preguntas de ejemplo'], outcomes: [['obtener la nacionalidad', 'obtenido la nacionalidad'], ['aprobar la prueba CCSE', 'aprobado la prueba CCSE']], articles: ['Requisitos de la nacionalidad', 'Residencia legal', 'Doble nacionalidad'], requirements: ['diez años de residencia legal', 'buena conducta cívica'] },
};

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const num = (n: number) => grouped(n, '.', false);
const pct = (n: number) => `${n} %`;
const el = (n: Noun, plural = false) => (plural ? `${n.f ? 'las' : 'los'} ${n.pl}` : `${n.f ? 'la' : 'el'} ${n.sg}`);
const un = (n: Noun) => `${n.f ? 'una' : 'un'} ${n.sg}`;
/** "de" before a phrase with its article: del. */
const de = (phrase: string) => (phrase.startsWith('el ') ? `del ${phrase.slice(3)}` : `de ${phrase}`);
const agree = (word: string, n: Noun, plural: boolean) => `${word.slice(0, -1)}${n.f ? 'a' : 'o'}${plural ? 's' : ''}`;

const words = (s: Scene) => TOPICS[s.topic];
/** Feminine heads of the groups above: the rest take "los". */
const FEMININE_GROUP = /^(?:personas|familias|madres|mujeres|enfermeras|víctimas|niñas)\b/;
/** A group with its article, as Spanish subjects and objects need it. */
const group = (s: Scene) => {
  const text = pick(s, words(s).groups);
  return `${FEMININE_GROUP.test(text) ? 'las' : 'los'} ${text}`;
};
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const measure = (s: Scene, ...kinds: MeasureKind[]) => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined);
const inCountry = (s: Scene) => country('es', s.country).in;
const inCity = (s: Scene, shift = 0) => city('es', s.country, s.city + shift).in;
const cityName = (s: Scene, shift = 0) => city('es', s.country, s.city + shift).name;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const theCitation = (s: Scene) => `${s.eu.kind === 'regulation' ? 'el' : 'la'} ${cite(s.eu, 'es')}`;
/** "pasó de 4 a 9" or "bajó de 9 a 4": the verb agrees with the figures. */
function change(s: Scene, min: number, max: number): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'pasó' : 'bajó'} de ${from} a ${to}`;
}
const national = (s: Scene) => (s.national?.lang === 'es' ? s.national.forms[0]! : 'la Ley Orgánica 4/2000');
const BODIES = ['el Ministerio de Inclusión, Seguridad Social y Migraciones', 'la Oficina de Asilo y Refugio', 'la Delegación del Gobierno', 'el Servicio Público de Empleo Estatal'];
const actor = (s: Scene): [string, boolean] =>
  pick(s, [[pick(s, BODIES), false], [`el Ayuntamiento de ${cityName(s, s.rnd.int(0, 2))}`, false], [`las entidades sociales de ${cityName(s)}`, true], ['las comunidades autónomas', true], ['la Cruz Roja', false], ['el Foro para la Integración Social de los Inmigrantes', false], ['la Comisión Europea', false]] as const);

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Este informe', 'Este estudio', 'Este documento'])} ${pick(s, ['analiza', 'examina', 'describe'])} ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, [`entre ${earlier(s, 4, 8)} y ${s.year}`, `desde ${earlier(s, 3, 10)}`, `en ${s.year}`])} a partir de ${pick(s, [`${s.rnd.int(12, 80)} entrevistas con profesionales`, 'datos administrativos', `una encuesta a ${num(count(s.rnd, 200, 4000))} ${pick(s, words(s).groups)}`, `expedientes de ${s.rnd.int(3, 40)} municipios`])}.`,
    (s) => `El objetivo es entender cómo ${pick(s, ['los ayuntamientos', 'las comunidades autónomas', 'las entidades sociales'])} ${pick(s, ['organizan', 'financian', 'gestionan'])} ${el(measure(s, 'service', 'slot', 'facility', 'person').forms, true)} para ${group(s)}.`,
  ],
  context: [
    (s) => `Desde ${earlier(s, 2, 12)}, ${pick(s, BODIES)} ${pick(s, ['coordina', 'financia', 'supervisa'])} ${el(measure(s).forms, true)} ${inCountry(s)}.`,
    (s) => {
      const n = measure(s, 'service', 'facility').forms;
      return `${cap(inCity(s, s.rnd.int(0, 2)))}, ${el(n, true)} ${pick(s, ['corren a cargo de', `son ${agree('gestionado', n, true)} por`, 'dependen de'])} ${pick(s, ['entidades sociales', 'la Cruz Roja', 'una red de voluntarios', 'centros de educación de adultos'])}.`;
    },
  ],
  legal: [
    (s) => `En virtud ${de(theCitation(s))}, ${group(s)} ${pick(s, ['tienen derecho a', 'pueden solicitar'])} ${un(measure(s, 'document', 'slot', 'money', 'service').forms)} ${pick(s, ['en un plazo razonable', 'en las mismas condiciones que los nacionales', 'en las condiciones que fije la ley'])}.`,
    (s) => (s.eu.kind === 'directive' ? `España incorporó ${theCitation(s)} a su ordenamiento en ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} mediante una reforma de ${national(s)}.` : `${cap(theCitation(s))} se aplica directamente en España desde ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))}.`),
    (s) => `${cap(national(s))} exige a ${group(s)} acreditar ${pick(s, words(s).requirements)}.`,
  ],
  finding: [
    (s) => {
      const [who, plural] = actor(s);
      return `${cap(who)} ${plural ? pick(s, ['señalan', 'advierten', 'constatan']) : pick(s, ['señala', 'advierte', 'constata'])} que ${pick(s, [`${pick(s, words(s).issues)} ${pick(s, ['sigue siendo', 'es'])} el principal obstáculo ${inCity(s)}`, (() => {
        const n = measure(s).forms;
        return `${el(n, true)} son ${pick(s, [agree('escaso', n, true), agree('lento', n, true), agree('saturado', n, true), 'insuficientes'])} fuera de las grandes ciudades`;
      })(), `la cooperación con las entidades sociales ha mejorado desde ${earlier(s, 1, 5)}`])}.`;
    },
    (s) => `El tiempo de espera para ${un(measure(s).forms)} ${change(s, 2, 14)} ${pick(s, ['semanas', 'meses'])} entre ${earlier(s, 3, 6)} y ${earlier(s, 0, 1)}.`,
    (s) => `Solo el ${pct(s.rnd.int(12, 64))} de las personas que ${pick(s, ['iniciaron', 'terminaron'])} ${un(measure(s, 'service', 'procedure', 'application').forms)} ha ${pick(s, words(s).outcomes)[1]} en ${s.rnd.int(6, 36)} meses.`,
  ],
  data: [
    (s) => {
      const { forms: n, kind } = measure(s);
      const verb = { service: 'organizado', document: 'concedido', application: 'presentado', procedure: 'realizado', slot: 'creado', facility: 'abierto', person: 'designado', money: 'concedido', body: 'consultado' }[kind];
      // With "haber" the participle does not agree: se han concedido 1.200 autorizaciones.
      return `${cap(inCity(s, s.rnd.int(0, 2)))} se ${pick(s, ['concedieron', verb === 'concedido' ? 'tramitaron' : 'registraron'])} ${num(count(s.rnd, 30, 9000))} ${n.pl} en ${earlier(s, 0, 4)}, frente a ${num(count(s.rnd, 30, 9000))} el año anterior.`.replace(/se concedieron/, `se han ${verb}`);
    },
    (s) => `En ${earlier(s, 0, 3)}, ${num(count(s.rnd, 40, 60_000))} ${pick(s, words(s).groups)} ${pick(s, ['participaron en', 'accedieron a', 'solicitaron'])} ${el(measure(s).forms, true)} ${where(s)}, un ${pct(s.rnd.int(2, 40))} ${pick(s, ['más', 'menos'])} que el año anterior.`,
    (s) => `Una de cada ${s.rnd.int(3, 9)} solicitudes ${pick(s, ['correspondía a', 'procedía de'])} ${group(s)}.`,
  ],
  voice: [
    (s) => `«${pick(s, [`Esperamos ${s.rnd.int(4, 22)} meses para conseguir ${un(measure(s).forms)}`, `Nadie nos explicó cómo funcionan ${el(measure(s).forms, true)}`, `Las primeras ${s.rnd.int(2, 12)} semanas lo deciden todo`, 'Sin la ayuda de los voluntarios habría abandonado'])}», cuenta ${pick(s, ['una trabajadora social', 'un usuario del programa', 'una madre venezolana', 'un joven marroquí'])} ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Los autores', 'Las entidades consultadas', 'Los expertos'])} ${pick(s, ['recomiendan', 'proponen'])} ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'y')}.`,
    (s) => `Los fondos ${pick(s, ['del Fondo de Asilo, Migración e Integración (FAMI)', 'del Fondo Social Europeo Plus (FSE+)'])} podrían ${pick(s, ['reforzar', 'estabilizar', 'ampliar'])} ${el(measure(s, 'service', 'slot', 'facility', 'person').forms, true)} ${pick(s, ['en los municipios pequeños', 'en el medio rural', inCity(s, 1)])}.`,
  ],
  conclusion: [
    (s) => `En conjunto, la política sobre ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, ['ha mejorado', 'sigue siendo desigual', 'apenas ha cambiado'])} desde ${earlier(s, 3, 10)}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, mucho depende de ${pick(s, ['la capacidad del ayuntamiento', 'una financiación estable', 'la actitud de los empleadores', 'la duración de los procedimientos', 'la disponibilidad de intérpretes'])}, ${pick(s, ['como en el resto del país', 'más que en otras ciudades', `sobre todo desde ${earlier(s, 2, 8)}`])}.`,
  ],
};

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Resumen', 'Resumen ejecutivo'], introduction: ['Introducción', 'Objeto y alcance'], context: ['Contexto', 'Antecedentes'], legal: ['Marco jurídico', 'Marco normativo'],
  method: ['Metodología', 'Datos y métodos'], findings: ['Resultados', 'Principales hallazgos'], data: ['Datos y cifras', 'Estadísticas'], practice: ['Buenas prácticas', 'Experiencias locales'],
  recommendations: ['Recomendaciones', 'Propuestas'], conclusions: ['Conclusiones', 'Perspectivas'],
};

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const n = measure(s, 'document', 'slot', 'money', 'service').forms;
  if (role === 'scope') return paragraph === 1 ? `La presente ley regula ${pick(s, w.names)} ${inCountry(s)}.` : `Se aplica a ${pick(s, w.groups)} que residan legalmente en el territorio.`;
  if (role === 'definitions') return pick(s, [`A efectos de la presente ley, se entiende por «${n.sg}» ${un(n)} ${agree('concedido', n, false)} por la autoridad competente.`, 'Se entiende por «autoridad competente» la designada por el ministerio competente en materia de migraciones.']);
  if (role === 'final') return pick(s, ['La presente ley entrará en vigor el día siguiente al de su publicación en el «Boletín Oficial del Estado».', 'Se faculta al Gobierno para dictar las disposiciones necesarias para el desarrollo de esta ley.']);
  return pick(s, [
    `La solicitud de ${n.sg} se presentará ante la autoridad competente en un plazo de ${s.rnd.int(2, 12) * 15} días ${pick(s, ['desde la llegada', 'antes de la caducidad de la autorización vigente'])}.`,
    `La autoridad competente resolverá en un plazo de ${s.rnd.int(3, 12) * 10} días desde la recepción de la solicitud.`,
    `${cap(el(n))} tendrá una validez de ${pick(s, ['un año', 'dos años', 'cinco años'])} y podrá renovarse.`,
    `El solicitante deberá acreditar ${pick(s, w.requirements)}.`,
    `Por la tramitación de ${un(n)} se abonará una tasa de ${s.rnd.int(2, 40) * 10} euros.`,
    `Lo dispuesto en el apartado ${Math.max(1, paragraph - 1)} no se aplicará a ${pick(s, ['las personas mayores de 65 años', 'los menores de edad', 'los beneficiarios de protección internacional'])}.`,
    `Las resoluciones dictadas en aplicación de este artículo serán motivadas y podrán recurrirse en el plazo de ${pick(s, ['un mes', 'dos meses'])}.`,
    `${cap(pick(s, w.groups))} que hayan residido legalmente en España durante ${s.rnd.int(3, 8)} años podrán solicitar ${un(n)}.`,
  ]);
}


export const spanish: LanguagePack = {
  lang: 'es',
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
      legislation: [`Ley sobre ${subject}`], 'policy-document': [`Plan estratégico sobre ${subject} ${s.year}-${s.year + 4}`, `Plan Estratégico de Ciudadanía e Integración: ${subject} (${s.year}-${s.year + 3})`, `Plan municipal de inclusión de ${cityName(s, s.rnd.int(0, 3))} ${s.year}-${s.year + 3}`],
      report: [`Informe anual sobre ${subject} ${place}, ${s.year}`, `${cap(pick(s, words(s).issues))} ${place}: informe ${s.year}`], study: [`Estudio sobre ${subject} ${place} (${s.year})`, `Integración y ${subject.replace(/^(el|la|los|las) /, '')}: un estudio ${place} (${s.year})`],
      'impact-assessment': [`Evaluación de impacto de las nuevas normas sobre ${el(measure(s).forms, true)} (${s.year})`], evaluation: [`Evaluación ${de(el(measure(s).forms, true))} ${place}, ${s.year - s.rnd.int(2, 5)}-${s.year}`],
      article: [`${cap(pick(s, words(s).issues))}: ${subject} ${place}`, `${cap(pick(s, words(s).issues))}, un obstáculo para la integración ${place}`], other: [`Guía sobre ${subject} para ${group(s)} ${place} (${s.year})`, `Guía de integración: ${subject} ${place} (${s.year})`],
    };
    return pick(s, options[s.kind]);
  },
  actTitle: (s, kind, number, iso) => {
    const { y, m: month, d } = parts(iso);
    const when = `de ${d} de ${MONTHS[month - 1]}`;
    const what = el(measure(s).forms, true);
    const titles: Record<NationalActKind, string> = {
      act: `Ley ${number}/${y}, ${when}, sobre ${pick(s, words(s).names)}`,
      regulation: `Real Decreto ${number}/${y}, ${when}, por el que se regulan ${what}`,
      decree: `Orden ISM/${number}/${y}, ${when}, por la que se regulan ${what}`,
      bylaw: `Ordenanza municipal ${number}/${y} de ${cityName(s)}, ${when}, reguladora de ${what}`,
      circular: `Instrucción ${number}/${y}, ${when}, sobre ${what}`,
    };
    return titles[kind];
  },
  articleLabel: (label) => `Artículo ${label.replace(/^(\d+)([a-d])$/, (_, n: string, l: string) => `${n} ${['bis', 'ter', 'quater', 'quinquies'][l.charCodeAt(0) - 97]}`)}`,
  articleHeading: (s, role) => (role === 'scope' ? 'Objeto y ámbito de aplicación' : role === 'definitions' ? 'Definiciones' : role === 'final' ? 'Entrada en vigor' : pick(s, words(s).articles)),
  provision,
  repealed: '(Derogado)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (c: ArticleChange) => (c.op === 'inserted' ? `se añade el artículo ${c.article}` : c.op === 'repealed' ? `se deroga el artículo ${c.article}` : `se modifica el apartado ${c.paragraph ?? 1} del artículo ${c.article}`);
    return `${cap(list(changes.map(what), 'y'))} por ${act}, con efectos desde el ${spanish.date(inForceFrom)}.`;
  },
  pageLabel: (page, of) => `página ${page} de ${of}`,
  labels: { published: 'Publicado', place: 'Lugar', identifier: 'Identificador', version: 'Versión', inForce: 'en vigor desde' },
};
