// English words of integration policy, by topic: the things done (with their
// plurals), the people concerned, the problems met and what a measure aims at.
import type { TopicKey } from '../topics';

export interface Noun {
  sg: string;
  pl: string;
}
const n = (sg: string, pl = `${sg}s`): Noun => ({ sg, pl });

export interface TopicWords {
  /** Names of the subject, as a title or "a report on …" uses them. */
  names: readonly string[];
  measures: readonly Noun[];
  /** The people concerned, plural. */
  groups: readonly string[];
  /** One of them, with its article: who speaks in a quote. */
  person: readonly string[];
  /** Problems, as noun phrases. */
  issues: readonly string[];
  /** What measures aim at, as -ing phrases. */
  goals: readonly string[];
  /** What people achieve: [base form, past form]. */
  outcomes: ReadonlyArray<readonly [string, string]>;
  /** Headings of articles of a law on the subject. */
  articles: readonly string[];
  /** What an applicant must show. */
  requirements: readonly string[];
}

export const EN_TOPICS: Record<TopicKey, TopicWords> = {
  residence: {
    names: ['residence permits', 'residence rights of third-country nationals', 'long-term residence', 'permit renewal procedures'],
    measures: [n('residence permit'), n('permit renewal'), n('single permit'), n('long-term residence permit'), n('residence card'), n('appointment at the immigration office', 'appointments at the immigration office')],
    groups: ['third-country nationals', 'long-term residents', 'permit holders', 'international students', 'seasonal workers', 'self-employed migrants'],
    person: ['a permit holder from Morocco', 'a student from India', 'a nurse from the Philippines', 'a caseworker at the immigration office'],
    issues: ['processing delays', 'backlogs at immigration offices', 'high application fees', 'short permit durations', 'frequent changes to the rules', 'a lack of online appointments'],
    goals: ['shortening processing times', 'issuing permits for longer periods', 'moving applications online', 'publishing clear guidance on renewals'],
    outcomes: [['obtain long-term resident status', 'obtained long-term resident status'], ['renew their permit on time', 'renewed their permit on time'], ['change employer without a new permit', 'changed employer without a new permit']],
    articles: ['Residence permits', 'Duration of validity', 'Renewal of permits', 'Long-term resident status', 'Withdrawal of permits', 'Change of purpose'],
    requirements: ['stable and regular resources', 'comprehensive sickness insurance', 'a valid travel document', 'a registered address'],
  },
  family: {
    names: ['family reunification', 'the right to family reunification', 'family reunification procedures', 'family reunification of refugees'],
    measures: [n('family reunification application'), n('visa appointment'), n('income check'), n('pre-departure integration test'), n('DNA test'), n('family reunification visa', 'family reunification visas')],
    groups: ['sponsors', 'spouses and partners', 'children joining a parent', 'family members abroad', 'beneficiaries of subsidiary protection', 'recognised refugees'],
    person: ['a Syrian father of three', 'an Eritrean woman waiting for her husband', 'a lawyer at a refugee counselling centre', 'a sponsor from Afghanistan'],
    issues: ['long waiting periods', 'the three-month deadline for refugees', 'difficulties proving family links', 'strict housing requirements', 'waiting times at embassies', 'the cost of travel to an embassy'],
    goals: ['waiving the income requirement for refugees', 'accepting alternative proof of family links', 'extending the three-month deadline', 'offering counselling to sponsors'],
    outcomes: [['bring their family over', 'brought their family over'], ['obtain a visa appointment within a year', 'obtained a visa appointment within a year'], ['be reunited with their children', 'were reunited with their children']],
    articles: ['Family members', 'Conditions for family reunification', 'Submission of the application', 'Waiting period', 'Refugees and family reunification', 'Autonomous residence permit'],
    requirements: ['accommodation regarded as normal for a comparable family', 'sickness insurance for the family members', 'stable and regular resources sufficient for the family', 'basic knowledge of the language'],
  },
  language: {
    names: ['language courses for newcomers', 'language learning of adult migrants', 'integration courses', 'language tuition for refugees'],
    measures: [n('language course'), n('integration course'), n('literacy class', 'literacy classes'), n('language test'), n('course place'), n('online language course')],
    groups: ['course participants', 'learners with little schooling', 'working parents', 'newly arrived migrants', 'refugee women', 'older learners'],
    person: ['a participant from Afghanistan', 'a language teacher', 'a mother of two from Somalia', 'a course provider'],
    issues: ['waiting lists', 'a lack of childcare during courses', 'high dropout rates', 'a shortage of qualified teachers', 'courses at inconvenient hours', 'long travel to the course'],
    goals: ['offering childcare during courses', 'combining language tuition with work placements', 'recruiting more teachers', 'offering evening and weekend courses'],
    outcomes: [['reach level B1', 'reached level B1'], ['pass the final language test', 'passed the final language test'], ['complete the course', 'completed the course']],
    articles: ['Entitlement to an integration course', 'Obligation to attend', 'Course content', 'Final test', 'Costs of participation', 'Course providers'],
    requirements: ['knowledge of the language at level A2 of the Common European Framework of Reference for Languages', 'regular attendance of the integration course', 'a certificate of the final language test'],
  },
  recognition: {
    names: ['recognition of foreign qualifications', 'recognition of professional qualifications', 'skills assessment of migrants', 'access to regulated professions'],
    measures: [n('recognition procedure'), n('foreign qualification'), n('bridging course'), n('skills assessment'), n('adaptation period'), n('aptitude test')],
    groups: ['foreign-trained nurses', 'engineers trained abroad', 'teachers with foreign diplomas', 'doctors from third countries', 'skilled workers', 'refugees without documents'],
    person: ['a nurse trained in Ukraine', 'an engineer from Syria', 'a recognition counsellor', 'a doctor from Iran'],
    issues: ['the cost of certified translations', 'missing documents', 'fragmented responsibilities', 'long bridging courses', 'fees for the procedure', 'few places on bridging courses'],
    goals: ['creating one contact point for recognition', 'accepting skills assessments instead of missing documents', 'funding bridging courses', 'shortening recognition procedures'],
    outcomes: [['work in their profession', 'worked in their profession'], ['obtain full recognition', 'obtained full recognition'], ['find a job matching their skills', 'found a job matching their skills']],
    articles: ['Recognition procedure', 'Equivalence of qualifications', 'Compensation measures', 'Time limits', 'Missing documents', 'Fees'],
    requirements: ['certified copies of the diplomas', 'a description of the training completed', 'proof of professional experience'],
  },
  housing: {
    names: ['access to housing', 'housing of refugees', 'affordable housing for migrants', 'the move out of reception centres'],
    measures: [n('social housing unit'), n('housing allowance'), n('rental contract'), n('shared flat'), n('municipal housing programme'), n('rent guarantee')],
    groups: ['refugee families', 'single men', 'large families', 'tenants with a migrant background', 'young people leaving care', 'beneficiaries of protection'],
    person: ['a housing officer', 'a father of five from Iraq', 'a landlord', 'a young refugee from Guinea'],
    issues: ['discrimination by landlords', 'overcrowding', 'homelessness after leaving reception', 'high rents', 'a shortage of social housing', 'residence rules tied to one municipality'],
    goals: ['guaranteeing rents for refugee tenants', 'building more social housing', 'mediating between landlords and tenants', 'dispersing refugees to towns with vacant flats'],
    outcomes: [['find a flat of their own', 'found a flat of their own'], ['leave the reception centre', 'left the reception centre'], ['sign a rental contract', 'signed a rental contract']],
    articles: ['Allocation of housing', 'Housing allowance', 'Residence obligation', 'Temporary accommodation', 'Equal treatment in housing'],
    requirements: ['a rental contract for accommodation of adequate size', 'proof of income for the rent'],
  },
  health: {
    names: ['health care for migrants', 'mental health of refugees', 'access to health care', 'health of asylum seekers'],
    measures: [n('health screening'), n('health insurance card'), n('community interpreter'), n('mental health service'), n('vaccination campaign'), n('health mediator')],
    groups: ['asylum seekers', 'pregnant women', 'survivors of torture', 'older migrants', 'undocumented migrants', 'children in reception centres'],
    person: ['a general practitioner', 'a community interpreter', 'a psychologist working with refugees', 'a mother from Nigeria'],
    issues: ['language barriers', 'untreated trauma', 'restricted entitlements', 'long distances to specialists', 'a shortage of interpreters', 'unpaid hospital bills'],
    goals: ['funding interpreters in health centres', 'training doctors in trauma care', 'issuing health insurance cards on arrival', 'opening mental health services to asylum seekers'],
    outcomes: [['see a doctor within a week', 'saw a doctor within a week'], ['receive psychological support', 'received psychological support'], ['register with a general practitioner', 'registered with a general practitioner']],
    articles: ['Entitlement to health care', 'Medical screening', 'Vulnerable persons', 'Interpretation', 'Costs of treatment'],
    requirements: ['a medical certificate', 'proof of health insurance'],
  },
  education: {
    names: ['schooling of migrant children', 'education of newly arrived pupils', 'vocational training of young migrants', 'inclusive education'],
    measures: [n('welcome class', 'welcome classes'), n('school place'), n('preparatory class', 'preparatory classes'), n('vocational training place'), n('school mediator'), n('mother-tongue class', 'mother-tongue classes')],
    groups: ['pupils with a migrant background', 'newly arrived children', 'young adults', 'parents', 'teachers', 'apprentices'],
    person: ['a teacher of a welcome class', 'a school head', 'a pupil from Ukraine', 'a father from Eritrea'],
    issues: ['segregation in schools', 'early school leaving', 'delayed enrolment', 'a lack of mother-tongue tuition', 'large classes', 'low expectations of teachers'],
    goals: ['enrolling children within a month of arrival', 'training teachers in second-language teaching', 'involving parents in school life', 'ending separate classes after one year'],
    outcomes: [['move into a regular class', 'moved into a regular class'], ['finish secondary school', 'finished secondary school'], ['start an apprenticeship', 'started an apprenticeship']],
    articles: ['Compulsory schooling', 'Preparatory classes', 'Language support', 'Access to vocational training', 'Cooperation with parents'],
    requirements: ['residence in the school district', 'the child’s vaccinations'],
  },
  labour: {
    names: ['labour-market integration', 'employment of refugees', 'access to the labour market', 'skilled immigration'],
    measures: [n('work placement'), n('job coaching scheme'), n('apprenticeship'), n('work permit'), n('employment contract'), n('EU Blue Card')],
    groups: ['jobseekers', 'refugees', 'migrant women', 'highly qualified workers', 'Blue Card holders', 'seasonal workers'],
    person: ['an employer in the care sector', 'a job coach', 'a refugee from Syria', 'a Blue Card holder from India'],
    issues: ['over-qualification', 'informal work', 'labour-market tests', 'discrimination in hiring', 'low wages in the first job', 'salary thresholds'],
    goals: ['lowering the salary threshold for shortage occupations', 'matching refugees with employers', 'recognising skills learned on the job', 'allowing asylum seekers to work after three months'],
    outcomes: [['find stable work', 'found stable work'], ['earn a living wage', 'earned a living wage'], ['move into skilled work', 'moved into skilled work']],
    articles: ['Access to employment', 'Salary threshold', 'Change of employer', 'Equal treatment of workers', 'Labour-market test', 'Self-employment'],
    requirements: ['a binding job offer', 'a salary at least equal to the threshold', 'a recognised higher professional qualification'],
  },
  civic: {
    names: ['civic orientation', 'civic integration', 'integration programmes', 'the integration of newcomers'],
    measures: [n('civic orientation course'), n('integration contract'), n('orientation session'), n('integration programme'), n('integration exam'), n('personal integration plan')],
    groups: ['newcomers', 'participants', 'municipalities', 'volunteers', 'integration counsellors', 'family migrants'],
    person: ['an integration counsellor', 'a participant from Eritrea', 'a municipal officer', 'a volunteer mentor'],
    issues: ['low attendance', 'sanctions for missing classes', 'outdated course content', 'regional differences', 'a focus on duties rather than rights', 'fines for failing the exam'],
    goals: ['tailoring courses to participants’ needs', 'offering courses in the first language', 'linking orientation with language learning', 'replacing fines with counselling'],
    outcomes: [['pass the integration exam', 'passed the integration exam'], ['complete the programme within three years', 'completed the programme within three years'], ['sign an integration contract', 'signed an integration contract']],
    articles: ['Integration programme', 'Integration agreement', 'Civic orientation', 'Obligations of participants', 'Sanctions', 'Role of municipalities'],
    requirements: ['participation in the civic orientation course', 'a signed integration agreement'],
  },
  discrimination: {
    names: ['anti-discrimination', 'equal treatment of migrants', 'discrimination in hiring', 'racism and xenophobia'],
    measures: [n('discrimination complaint'), n('equality body', 'equality bodies'), n('awareness campaign'), n('anonymous application procedure'), n('discrimination test'), n('diversity charter')],
    groups: ['victims of discrimination', 'employers', 'landlords', 'young people of African descent', 'Muslim women', 'Roma'],
    person: ['a lawyer at the equality body', 'a young woman wearing a headscarf', 'an HR manager', 'a job applicant with a foreign name'],
    issues: ['under-reporting', 'racist incidents', 'hate speech online', 'ethnic profiling', 'discrimination in hiring', 'a lack of data on discrimination'],
    goals: ['collecting equality data', 'training police officers', 'testing employers for discrimination', 'strengthening the equality body'],
    outcomes: [['file a complaint', 'filed a complaint'], ['be invited to a job interview', 'were invited to a job interview'], ['obtain compensation', 'obtained compensation']],
    articles: ['Prohibition of discrimination', 'Burden of proof', 'Equality body', 'Sanctions', 'Positive action'],
    requirements: ['facts from which discrimination may be presumed'],
  },
  reception: {
    names: ['reception of asylum seekers', 'reception conditions', 'temporary protection', 'the reception of refugees'],
    measures: [n('reception centre'), n('reception place'), n('asylum application'), n('daily allowance'), n('emergency shelter'), n('reception facility', 'reception facilities')],
    groups: ['asylum seekers', 'applicants for international protection', 'displaced persons from Ukraine', 'beneficiaries of temporary protection', 'vulnerable applicants', 'families with children'],
    person: ['a social worker in a reception centre', 'an asylum seeker from Afghanistan', 'a volunteer', 'a woman who fled Kharkiv'],
    issues: ['overcrowding', 'remote locations', 'long asylum procedures', 'limited access to the labour market', 'a lack of privacy', 'frequent transfers between centres'],
    goals: ['screening for vulnerabilities on arrival', 'housing families in flats rather than centres', 'shortening the first phase of reception', 'opening the labour market after six months'],
    outcomes: [['leave the reception centre', 'left the reception centre'], ['obtain international protection', 'obtained international protection'], ['start working while the application was pending', 'started working while the application was pending']],
    articles: ['Material reception conditions', 'Reception centres', 'Vulnerable applicants', 'Access to the labour market', 'Reduction of reception conditions'],
    requirements: ['registration of the application for international protection'],
  },
  minors: {
    names: ['unaccompanied minors', 'the protection of migrant children', 'guardianship of unaccompanied children', 'the transition to adulthood of young refugees'],
    measures: [n('guardian'), n('age assessment'), n('foster family', 'foster families'), n('care placement'), n('youth residential unit'), n('aftercare plan')],
    groups: ['unaccompanied minors', 'separated children', 'young people turning 18', 'care leavers', 'girls travelling alone', 'child victims of trafficking'],
    person: ['a guardian', 'a boy from Afghanistan', 'a foster mother', 'a youth worker'],
    issues: ['disappearances', 'delays in appointing guardians', 'disputed age assessments', 'the abrupt end of support at 18', 'a shortage of foster families', 'detention of children'],
    goals: ['appointing a guardian within a week', 'using holistic age assessments', 'extending support until 21', 'recruiting foster families'],
    outcomes: [['finish school', 'finished school'], ['stay with a foster family', 'stayed with a foster family'], ['move into independent housing', 'moved into independent housing']],
    articles: ['Appointment of a guardian', 'Age assessment', 'Accommodation of minors', 'Best interests of the child', 'Support after the age of majority'],
    requirements: ['the consent of the guardian'],
  },
  citizenship: {
    names: ['naturalisation', 'access to citizenship', 'citizenship tests', 'dual citizenship'],
    measures: [n('naturalisation application'), n('citizenship test'), n('citizenship ceremony', 'citizenship ceremonies'), n('language certificate'), n('naturalisation fee'), n('loyalty declaration')],
    groups: ['applicants for naturalisation', 'long-term residents', 'children born in the country', 'dual nationals', 'stateless persons', 'refugees'],
    person: ['a new citizen from Turkey', 'an official at the naturalisation office', 'a stateless man', 'a teacher preparing applicants for the test'],
    issues: ['long residence requirements', 'high fees', 'the renunciation of a previous nationality', 'long processing times', 'difficult test questions', 'discretionary decisions'],
    goals: ['reducing the residence requirement', 'allowing dual citizenship', 'publishing sample test questions', 'waiving fees for children'],
    outcomes: [['become citizens', 'became citizens'], ['pass the citizenship test', 'passed the citizenship test'], ['keep their previous nationality', 'kept their previous nationality']],
    articles: ['Conditions for naturalisation', 'Residence requirement', 'Knowledge of the language and of society', 'Multiple nationality', 'Loss of citizenship'],
    requirements: ['lawful residence for at least five years', 'knowledge of the language at level B1', 'a clean criminal record'],
  },
};
