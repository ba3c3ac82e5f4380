// French words of integration policy, by topic, with gender: the measures in
// the order of MEASURE_KINDS, the people concerned, problems (with their
// article), aims (infinitive phrases) and outcomes (infinitive, past).
import type { TopicKey } from '../topics';

export type Gender = 'm' | 'f';
export interface FrNoun {
  sg: string;
  pl: string;
  g: Gender;
}
/** A noun: the plural adds -s unless given; an aspirated h takes no elision (marked by the caller). */
const m = (sg: string, pl = `${sg}s`): FrNoun => ({ sg, pl, g: 'm' });
const f = (sg: string, pl = `${sg}s`): FrNoun => ({ sg, pl, g: 'f' });

export interface FrGroup {
  /** Plural, without article. */
  pl: string;
  g: Gender;
}
const gm = (pl: string): FrGroup => ({ pl, g: 'm' });
const gf = (pl: string): FrGroup => ({ pl, g: 'f' });

export interface FrTopic {
  /** Noun phrases with their article: "le regroupement familial". */
  names: readonly string[];
  measures: readonly FrNoun[];
  groups: readonly FrGroup[];
  person: readonly string[];
  /** Problems with their article. */
  issues: readonly string[];
  /** Infinitive phrases: "raccourcir les délais". */
  goals: readonly string[];
  /** [infinitive, past participle phrase after "ont"]. */
  outcomes: ReadonlyArray<readonly [string, string]>;
  articles: readonly string[];
  /** What an applicant must prove, after "justifier de". */
  requirements: readonly string[];
}

export const FR_TOPICS: Record<TopicKey, FrTopic> = {
  residence: {
    names: ['les titres de séjour', 'le droit au séjour des ressortissants de pays tiers', 'le statut de résident de longue durée', 'le renouvellement des titres de séjour'],
    measures: [m('titre de séjour', 'titres de séjour'), m('renouvellement de titre', 'renouvellements de titre'), m('permis unique', 'permis uniques'), f('carte de résident', 'cartes de résident'), f('carte de séjour pluriannuelle', 'cartes de séjour pluriannuelles'), m('rendez-vous en préfecture', 'rendez-vous en préfecture')],
    groups: [gm('ressortissants de pays tiers'), gm('résidents de longue durée'), gm('titulaires d’un titre de séjour'), gm('étudiants étrangers'), gm('travailleurs saisonniers'), gm('entrepreneurs étrangers')],
    person: ['une infirmière venue des Philippines', 'un étudiant indien', 'une agente de préfecture', 'un travailleur marocain'],
    issues: ['les délais de traitement', 'l’engorgement des préfectures', 'le coût élevé des timbres fiscaux', 'la courte durée des titres', 'les changements fréquents de réglementation', 'le manque de rendez-vous en ligne'],
    goals: ['raccourcir les délais de traitement', 'délivrer des titres pluriannuels', 'dématérialiser les demandes', 'publier des consignes claires sur les renouvellements'],
    outcomes: [['obtenir une carte de résident', 'obtenu une carte de résident'], ['renouveler leur titre à temps', 'renouvelé leur titre à temps'], ['changer d’employeur sans nouvelle autorisation', 'changé d’employeur sans nouvelle autorisation']],
    articles: ['Titres de séjour', 'Durée de validité', 'Renouvellement', 'Statut de résident de longue durée', 'Retrait du titre', 'Changement de statut'],
    requirements: ['ressources stables, régulières et suffisantes', 'une assurance maladie', 'un document de voyage en cours de validité', 'une adresse déclarée'],
  },
  family: {
    names: ['le regroupement familial', 'le droit au regroupement familial', 'les procédures de regroupement familial', 'la réunification familiale des réfugiés'],
    measures: [f('demande de regroupement familial', 'demandes de regroupement familial'), m('rendez-vous consulaire', 'rendez-vous consulaires'), f('vérification des ressources', 'vérifications des ressources'), m('test d’intégration avant le départ', 'tests d’intégration avant le départ'), m('test ADN', 'tests ADN'), m('visa de regroupement familial', 'visas de regroupement familial')],
    groups: [gm('regroupants'), gm('conjoints et partenaires'), gm('enfants rejoignant un parent'), gm('membres de famille restés au pays'), gm('bénéficiaires de la protection subsidiaire'), gm('réfugiés statutaires')],
    person: ['un père syrien de trois enfants', 'une Érythréenne qui attend son mari', 'une juriste d’une association d’aide aux réfugiés', 'un regroupant afghan'],
    issues: ['les longs délais d’attente', 'le délai de trois mois imposé aux réfugiés', 'la difficulté de prouver les liens familiaux', 'les conditions de logement strictes', 'l’attente devant les consulats', 'le coût du voyage jusqu’à une ambassade'],
    goals: ['supprimer la condition de ressources pour les réfugiés', 'accepter d’autres preuves des liens familiaux', 'prolonger le délai de trois mois', 'accompagner les regroupants dans leurs démarches'],
    outcomes: [['faire venir leur famille', 'fait venir leur famille'], ['obtenir un rendez-vous consulaire en moins d’un an', 'obtenu un rendez-vous consulaire en moins d’un an'], ['retrouver leurs enfants', 'retrouvé leurs enfants']],
    articles: ['Membres de la famille', 'Conditions du regroupement familial', 'Dépôt de la demande', 'Délai d’attente', 'Réfugiés et regroupement familial', 'Titre de séjour autonome'],
    requirements: ['un logement considéré comme normal pour une famille comparable', 'une assurance maladie pour les membres de la famille', 'ressources stables et suffisantes pour la famille', 'une connaissance de base de la langue'],
  },
  language: {
    names: ['les cours de langue pour les primo-arrivants', 'l’apprentissage du français par les adultes migrants', 'la formation linguistique', 'les cours de langue pour les réfugiés'],
    measures: [m('cours de langue', 'cours de langue'), m('parcours d’intégration', 'parcours d’intégration'), m('atelier d’alphabétisation', 'ateliers d’alphabétisation'), m('test de langue', 'tests de langue'), f('place en formation', 'places en formation'), m('cours en ligne', 'cours en ligne')],
    groups: [gm('stagiaires'), gm('apprenants peu scolarisés'), gm('parents qui travaillent'), gm('primo-arrivants'), gf('femmes réfugiées'), gm('apprenants âgés')],
    person: ['une stagiaire afghane', 'une formatrice de français', 'une mère de deux enfants venue de Somalie', 'un organisme de formation'],
    issues: ['les listes d’attente', 'le manque de garde d’enfants pendant les cours', 'les abandons fréquents', 'la pénurie de formateurs qualifiés', 'les horaires inadaptés', 'les longs trajets jusqu’au lieu de formation'],
    goals: ['organiser la garde des enfants pendant les cours', 'associer cours de langue et stages en entreprise', 'recruter davantage de formateurs', 'proposer des cours le soir et le week-end'],
    outcomes: [['atteindre le niveau B1', 'atteint le niveau B1'], ['réussir le test final', 'réussi le test final'], ['terminer la formation', 'terminé la formation']],
    articles: ['Droit à la formation linguistique', 'Obligation d’assiduité', 'Contenu de la formation', 'Évaluation finale', 'Coût de la formation', 'Organismes de formation'],
    requirements: ['une connaissance de la langue de niveau A2 du Cadre européen commun de référence pour les langues', 'une participation assidue à la formation', 'une attestation de réussite au test final'],
  },
  recognition: {
    names: ['la reconnaissance des diplômes étrangers', 'la reconnaissance des qualifications professionnelles', 'l’évaluation des compétences des migrants', 'l’accès aux professions réglementées'],
    measures: [f('procédure de reconnaissance', 'procédures de reconnaissance'), m('diplôme étranger', 'diplômes étrangers'), f('formation complémentaire', 'formations complémentaires'), m('bilan de compétences', 'bilans de compétences'), m('stage d’adaptation', 'stages d’adaptation'), f('épreuve d’aptitude', 'épreuves d’aptitude')],
    groups: [gf('infirmières formées à l’étranger'), gm('ingénieurs diplômés à l’étranger'), gm('enseignants titulaires d’un diplôme étranger'), gm('médecins extra-européens'), gm('travailleurs qualifiés'), gm('réfugiés sans documents')],
    person: ['une infirmière formée en Ukraine', 'un ingénieur syrien', 'une conseillère en reconnaissance', 'un médecin iranien'],
    issues: ['le coût des traductions assermentées', 'les documents manquants', 'la dispersion des compétences', 'la longueur des formations complémentaires', 'les frais de procédure', 'le faible nombre de places en formation complémentaire'],
    goals: ['créer un guichet unique de la reconnaissance', 'accepter les bilans de compétences à la place des documents manquants', 'financer les formations complémentaires', 'raccourcir les procédures de reconnaissance'],
    outcomes: [['exercer leur métier', 'exercé leur métier'], ['obtenir une reconnaissance complète', 'obtenu une reconnaissance complète'], ['trouver un emploi à la hauteur de leurs compétences', 'trouvé un emploi à la hauteur de leurs compétences']],
    articles: ['Procédure de reconnaissance', 'Équivalence des qualifications', 'Mesures de compensation', 'Délais', 'Documents manquants', 'Frais'],
    requirements: ['copies certifiées des diplômes', 'une description de la formation suivie', 'une expérience professionnelle'],
  },
  housing: {
    names: ['l’accès au logement', 'le logement des réfugiés', 'le logement abordable pour les migrants', 'la sortie des centres d’accueil'],
    measures: [m('logement social', 'logements sociaux'), f('aide au logement', 'aides au logement'), m('bail', 'baux'), f('colocation', 'colocations'), m('programme municipal de logement', 'programmes municipaux de logement'), f('garantie locative', 'garanties locatives')],
    groups: [gf('familles réfugiées'), gm('hommes seuls'), gf('familles nombreuses'), gm('locataires issus de l’immigration'), gm('jeunes sortant de l’aide sociale à l’enfance'), gm('bénéficiaires d’une protection')],
    person: ['une chargée de mission logement', 'un père irakien de cinq enfants', 'un propriétaire', 'un jeune réfugié guinéen'],
    issues: ['les discriminations de la part des bailleurs', 'la suroccupation', 'le sans-abrisme à la sortie de l’accueil', 'le niveau élevé des loyers', 'la pénurie de logements sociaux', 'l’assignation à résidence dans une seule commune'],
    goals: ['garantir les loyers des locataires réfugiés', 'construire davantage de logements sociaux', 'proposer une médiation entre bailleurs et locataires', 'orienter les réfugiés vers les villes où des logements sont vacants'],
    outcomes: [['trouver un logement indépendant', 'trouvé un logement indépendant'], ['quitter le centre d’accueil', 'quitté le centre d’accueil'], ['signer un bail', 'signé un bail']],
    articles: ['Attribution des logements', 'Aide au logement', 'Obligation de résidence', 'Hébergement temporaire', 'Égalité de traitement en matière de logement'],
    requirements: ['un bail portant sur un logement de surface suffisante', 'des revenus permettant de payer le loyer'],
  },
  health: {
    names: ['la santé des migrants', 'la santé mentale des réfugiés', 'l’accès aux soins', 'la santé des demandeurs d’asile'],
    measures: [m('bilan de santé', 'bilans de santé'), f('carte d’assurance maladie', 'cartes d’assurance maladie'), m('interprète communautaire', 'interprètes communautaires'), m('service de santé mentale', 'services de santé mentale'), f('campagne de vaccination', 'campagnes de vaccination'), m('médiateur en santé', 'médiateurs en santé')],
    groups: [gm('demandeurs d’asile'), gf('femmes enceintes'), gm('survivants de la torture'), gm('migrants âgés'), gm('sans-papiers'), gm('enfants hébergés en centre')],
    person: ['un médecin généraliste', 'une interprète communautaire', 'une psychologue qui travaille avec des réfugiés', 'une mère nigériane'],
    issues: ['la barrière de la langue', 'les traumatismes non soignés', 'les droits restreints', 'l’éloignement des spécialistes', 'la pénurie d’interprètes', 'les factures d’hôpital impayées'],
    goals: ['financer des interprètes dans les centres de santé', 'former les médecins à la prise en charge des traumatismes', 'délivrer une carte d’assurance maladie dès l’arrivée', 'ouvrir les services de santé mentale aux demandeurs d’asile'],
    outcomes: [['consulter un médecin dans la semaine', 'consulté un médecin dans la semaine'], ['bénéficier d’un soutien psychologique', 'bénéficié d’un soutien psychologique'], ['déclarer un médecin traitant', 'déclaré un médecin traitant']],
    articles: ['Droit aux soins', 'Examen médical', 'Personnes vulnérables', 'Interprétariat', 'Prise en charge des frais'],
    requirements: ['un certificat médical', 'une affiliation à l’assurance maladie'],
  },
  education: {
    names: ['la scolarisation des enfants migrants', 'l’accueil des élèves allophones', 'la formation professionnelle des jeunes migrants', 'l’école inclusive'],
    measures: [f('classe d’accueil', 'classes d’accueil'), f('place en école', 'places en école'), f('classe préparatoire', 'classes préparatoires'), f('place en apprentissage', 'places en apprentissage'), m('médiateur scolaire', 'médiateurs scolaires'), m('cours de langue d’origine', 'cours de langue d’origine')],
    groups: [gm('élèves issus de l’immigration'), gm('enfants nouvellement arrivés'), gm('jeunes majeurs'), gm('parents'), gm('enseignants'), gm('apprentis')],
    person: ['une enseignante de classe d’accueil', 'un chef d’établissement', 'une élève ukrainienne', 'un père érythréen'],
    issues: ['la ségrégation scolaire', 'le décrochage scolaire', 'les retards de scolarisation', 'l’absence d’enseignement de la langue d’origine', 'les classes surchargées', 'les faibles attentes des enseignants'],
    goals: ['scolariser les enfants dans le mois qui suit leur arrivée', 'former les enseignants au français langue seconde', 'associer les parents à la vie de l’école', 'limiter à un an la durée des classes séparées'],
    outcomes: [['rejoindre une classe ordinaire', 'rejoint une classe ordinaire'], ['obtenir un diplôme du secondaire', 'obtenu un diplôme du secondaire'], ['commencer un apprentissage', 'commencé un apprentissage']],
    articles: ['Obligation scolaire', 'Classes préparatoires', 'Soutien linguistique', 'Accès à la formation professionnelle', 'Coopération avec les parents'],
    requirements: ['un justificatif de domicile dans le secteur scolaire', 'le carnet de vaccination de l’enfant'],
  },
  labour: {
    names: ['l’insertion professionnelle des migrants', 'l’emploi des réfugiés', 'l’accès au marché du travail', 'l’immigration de travail qualifiée'],
    measures: [m('stage en entreprise', 'stages en entreprise'), m('dispositif d’accompagnement vers l’emploi', 'dispositifs d’accompagnement vers l’emploi'), m('contrat d’apprentissage', 'contrats d’apprentissage'), f('autorisation de travail', 'autorisations de travail'), m('contrat de travail', 'contrats de travail'), f('carte bleue européenne', 'cartes bleues européennes')],
    groups: [gm('demandeurs d’emploi'), gm('réfugiés'), gf('femmes migrantes'), gm('travailleurs hautement qualifiés'), gm('titulaires de la carte bleue européenne'), gm('travailleurs saisonniers')],
    person: ['une employeuse du secteur des soins', 'un conseiller en insertion', 'un réfugié syrien', 'une ingénieure indienne'],
    issues: ['le déclassement professionnel', 'le travail non déclaré', 'l’opposabilité de la situation de l’emploi', 'les discriminations à l’embauche', 'les bas salaires du premier emploi', 'les seuils de salaire'],
    goals: ['abaisser le seuil de salaire pour les métiers en tension', 'mettre en relation réfugiés et employeurs', 'reconnaître les compétences acquises en emploi', 'autoriser les demandeurs d’asile à travailler après trois mois'],
    outcomes: [['trouver un emploi stable', 'trouvé un emploi stable'], ['vivre de leur travail', 'vécu de leur travail'], ['accéder à un emploi qualifié', 'accédé à un emploi qualifié']],
    articles: ['Accès à l’emploi', 'Seuil de salaire', 'Changement d’employeur', 'Égalité de traitement des travailleurs', 'Situation de l’emploi', 'Activité non salariée'],
    requirements: ['une offre d’emploi ferme', 'un salaire au moins égal au seuil', 'une qualification professionnelle supérieure reconnue'],
  },
  civic: {
    names: ['la formation civique', 'l’intégration républicaine', 'les parcours d’intégration', 'l’accueil des primo-arrivants'],
    measures: [f('formation civique', 'formations civiques'), m('contrat d’intégration républicaine', 'contrats d’intégration républicaine'), f('séance d’information', 'séances d’information'), m('programme d’intégration', 'programmes d’intégration'), m('examen civique', 'examens civiques'), m('plan d’intégration personnalisé', 'plans d’intégration personnalisés')],
    groups: [gm('primo-arrivants'), gm('participants'), gf('communes'), gm('bénévoles'), gm('conseillers en intégration'), gm('migrants familiaux')],
    person: ['une conseillère en intégration', 'un participant érythréen', 'un agent municipal', 'une bénévole'],
    issues: ['la faible participation', 'les sanctions en cas d’absence', 'le contenu dépassé des formations', 'les disparités régionales', 'l’accent mis sur les devoirs plutôt que sur les droits', 'les amendes en cas d’échec à l’examen'],
    goals: ['adapter les formations aux besoins des participants', 'proposer les formations dans la langue d’origine', 'relier formation civique et apprentissage de la langue', 'remplacer les amendes par un accompagnement'],
    outcomes: [['réussir l’examen civique', 'réussi l’examen civique'], ['achever le parcours en trois ans', 'achevé le parcours en trois ans'], ['signer le contrat d’intégration', 'signé le contrat d’intégration']],
    articles: ['Parcours d’intégration', 'Contrat d’intégration', 'Formation civique', 'Obligations des signataires', 'Sanctions', 'Rôle des communes'],
    requirements: ['une participation à la formation civique', 'la signature du contrat d’intégration'],
  },
  discrimination: {
    names: ['la lutte contre les discriminations', 'l’égalité de traitement des migrants', 'les discriminations à l’embauche', 'le racisme et la xénophobie'],
    measures: [f('réclamation pour discrimination', 'réclamations pour discrimination'), m('organisme de promotion de l’égalité', 'organismes de promotion de l’égalité'), f('campagne de sensibilisation', 'campagnes de sensibilisation'), m('CV anonyme', 'CV anonymes'), m('test de discrimination', 'tests de discrimination'), f('charte de la diversité', 'chartes de la diversité')],
    groups: [gf('victimes de discriminations'), gm('employeurs'), gm('bailleurs'), gm('jeunes d’ascendance africaine'), gf('femmes musulmanes'), gm('Roms')],
    person: ['une juriste du Défenseur des droits', 'une jeune femme portant le foulard', 'un responsable des ressources humaines', 'un candidat au nom à consonance étrangère'],
    issues: ['la sous-déclaration', 'les actes racistes', 'les discours de haine en ligne', 'les contrôles au faciès', 'les discriminations à l’embauche', 'le manque de données sur les discriminations'],
    goals: ['collecter des données sur l’égalité', 'former les policiers', 'tester les employeurs', 'renforcer l’organisme de promotion de l’égalité'],
    outcomes: [['déposer une réclamation', 'déposé une réclamation'], ['être convoqués à un entretien', 'été convoqués à un entretien'], ['obtenir réparation', 'obtenu réparation']],
    articles: ['Interdiction des discriminations', 'Charge de la preuve', 'Organisme de promotion de l’égalité', 'Sanctions', 'Actions positives'],
    requirements: ['faits permettant de présumer l’existence d’une discrimination'],
  },
  reception: {
    names: ['l’accueil des demandeurs d’asile', 'les conditions d’accueil', 'la protection temporaire', 'l’accueil des réfugiés'],
    measures: [m('centre d’accueil', 'centres d’accueil'), f('place d’hébergement', 'places d’hébergement'), f('demande d’asile', 'demandes d’asile'), f('allocation pour demandeur d’asile', 'allocations pour demandeur d’asile'), m('hébergement d’urgence', 'hébergements d’urgence'), f('structure d’accueil', 'structures d’accueil')],
    groups: [gm('demandeurs d’asile'), gm('demandeurs de protection internationale'), gf('personnes déplacées d’Ukraine'), gm('bénéficiaires de la protection temporaire'), gm('demandeurs vulnérables'), gf('familles avec enfants')],
    person: ['un travailleur social en centre d’accueil', 'un demandeur d’asile afghan', 'une bénévole', 'une femme qui a fui Kharkiv'],
    issues: ['la suroccupation', 'l’isolement des centres', 'la longueur des procédures d’asile', 'l’accès limité au marché du travail', 'le manque d’intimité', 'les transferts fréquents entre centres'],
    goals: ['repérer les vulnérabilités dès l’arrivée', 'héberger les familles en appartement plutôt qu’en centre', 'raccourcir la première phase de l’accueil', 'ouvrir le marché du travail après six mois'],
    outcomes: [['quitter le centre d’accueil', 'quitté le centre d’accueil'], ['obtenir une protection internationale', 'obtenu une protection internationale'], ['travailler pendant l’examen de leur demande', 'travaillé pendant l’examen de leur demande']],
    articles: ['Conditions matérielles d’accueil', 'Centres d’accueil', 'Demandeurs vulnérables', 'Accès au marché du travail', 'Limitation des conditions d’accueil'],
    requirements: ['l’enregistrement de la demande de protection internationale'],
  },
  minors: {
    names: ['les mineurs non accompagnés', 'la protection des enfants migrants', 'la tutelle des mineurs non accompagnés', 'le passage à la majorité des jeunes réfugiés'],
    measures: [m('tuteur', 'tuteurs'), f('évaluation de l’âge', 'évaluations de l’âge'), f('famille d’accueil', 'familles d’accueil'), m('placement', 'placements'), m('foyer pour mineurs', 'foyers pour mineurs'), m('contrat jeune majeur', 'contrats jeune majeur')],
    groups: [gm('mineurs non accompagnés'), gm('enfants séparés'), gm('jeunes atteignant la majorité'), gm('jeunes sortant de placement'), gf('filles voyageant seules'), gm('enfants victimes de la traite')],
    person: ['un tuteur', 'un garçon afghan', 'une mère d’accueil', 'un éducateur'],
    issues: ['les disparitions', 'les retards dans la désignation des tuteurs', 'les évaluations de l’âge contestées', 'la fin brutale de l’accompagnement à 18 ans', 'la pénurie de familles d’accueil', 'la rétention d’enfants'],
    goals: ['désigner un tuteur dans la semaine', 'pratiquer des évaluations de l’âge pluridisciplinaires', 'prolonger l’accompagnement jusqu’à 21 ans', 'recruter des familles d’accueil'],
    outcomes: [['terminer leur scolarité', 'terminé leur scolarité'], ['rester dans une famille d’accueil', 'pu rester dans une famille d’accueil'], ['accéder à un logement autonome', 'accédé à un logement autonome']],
    articles: ['Désignation d’un tuteur', 'Évaluation de l’âge', 'Hébergement des mineurs', 'Intérêt supérieur de l’enfant', 'Accompagnement après la majorité'],
    requirements: ['l’accord du tuteur'],
  },
  citizenship: {
    names: ['la naturalisation', 'l’accès à la nationalité', 'les tests de citoyenneté', 'la double nationalité'],
    measures: [f('demande de naturalisation', 'demandes de naturalisation'), m('test de citoyenneté', 'tests de citoyenneté'), f('cérémonie de naturalisation', 'cérémonies de naturalisation'), m('certificat de langue', 'certificats de langue'), m('droit de timbre', 'droits de timbre'), f('déclaration de loyauté', 'déclarations de loyauté')],
    groups: [gm('candidats à la naturalisation'), gm('résidents de longue durée'), gm('enfants nés dans le pays'), gm('binationaux'), gm('apatrides'), gm('réfugiés')],
    person: ['une nouvelle citoyenne d’origine turque', 'un agent du bureau des naturalisations', 'un apatride', 'une enseignante qui prépare les candidats au test'],
    issues: ['la longue durée de résidence exigée', 'le coût élevé des démarches', 'l’obligation de renoncer à sa nationalité', 'la longueur des procédures', 'la difficulté des questions du test', 'les décisions discrétionnaires'],
    goals: ['réduire la durée de résidence exigée', 'autoriser la double nationalité', 'publier des exemples de questions', 'supprimer les frais pour les enfants'],
    outcomes: [['acquérir la nationalité', 'acquis la nationalité'], ['réussir le test de citoyenneté', 'réussi le test de citoyenneté'], ['conserver leur nationalité d’origine', 'conservé leur nationalité d’origine']],
    articles: ['Conditions de la naturalisation', 'Condition de résidence', 'Connaissance de la langue et de la société', 'Pluralité de nationalités', 'Perte de la nationalité'],
    requirements: ['une résidence régulière d’au moins cinq ans', 'une connaissance de la langue de niveau B1', 'un casier judiciaire vierge'],
  },
};
