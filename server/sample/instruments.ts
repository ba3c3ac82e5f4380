// The real EU instruments of integration and migration law the corpus cites
// and carries, by their real identifiers: CELEX numbers (sector 3 for
// legislation, 5 for Commission documents) and ELI URIs of
// data.europa.eu/eli/{type}/{year}/{number}/oj. Titles are the official ones
// in English, French and German (two long ones end before the repealed act's
// authors, to stay within the portal's 500 characters); statuses are as of
// the corpus's "today" (1 November 2026), after the Pact on Migration and
// Asylum began to apply.
import type { TopicKey } from './topics';

export type EuKind = 'directive' | 'regulation' | 'implementing-decision' | 'recommendation' | 'communication' | 'proposal-directive' | 'proposal-regulation';
export type LegalStatus = 'in-force' | 'amended' | 'repealed' | 'proposal' | 'transposition-pending';

export interface EuAmendment {
  inForceFrom: string;
  /** The amending act, as English cites it. */
  by: string;
  note: { en: string; fr: string; de: string };
}

export interface EuInstrument {
  key: string;
  kind: EuKind;
  year: number;
  number: number;
  adopted: string;
  /** Who adopted it: the Council alone, Parliament and Council, or the Commission. */
  author: 'council' | 'parliament-council' | 'commission';
  celex: string;
  eli: string | null;
  /** COM(YYYY) NNN final, for Commission documents and proposals. */
  com?: string;
  topic: TopicKey;
  status: LegalStatus;
  titles: { en: string; fr: string; de: string };
  /** The versions after the first, as EUR-Lex consolidates them. */
  amendments?: readonly EuAmendment[];
}

const eli = (type: string, year: number, number: number) => `http://data.europa.eu/eli/${type}/${year}/${number}/oj`;
const celex = (sector: number, year: number, letter: string, number: number) => `${sector}${year}${letter}${String(number).padStart(4, '0')}`;

function directive(key: string, year: number, number: number, adopted: string, author: EuInstrument['author'], topic: TopicKey, status: LegalStatus, titles: EuInstrument['titles'], amendments?: EuAmendment[]): EuInstrument {
  return { key, kind: 'directive', year, number, adopted, author, celex: celex(3, year, 'L', number), eli: eli('dir', year, number), topic, status, titles, amendments };
}
function regulation(key: string, year: number, number: number, adopted: string, topic: TopicKey, status: LegalStatus, titles: EuInstrument['titles'], amendments?: EuAmendment[]): EuInstrument {
  return { key, kind: 'regulation', year, number, adopted, author: 'parliament-council', celex: celex(3, year, 'R', number), eli: eli('reg', year, number), topic, status, titles, amendments };
}
function communication(key: string, year: number, number: number, adopted: string, topic: TopicKey, kind: EuKind, titles: EuInstrument['titles']): EuInstrument {
  const letters = kind === 'communication' ? 'DC' : 'PC';
  return { key, kind, year, number, adopted, author: 'commission', celex: celex(5, year, letters, number), eli: null, com: `COM(${year}) ${number} final`, topic, status: kind === 'communication' ? 'in-force' : 'proposal', titles };
}

export const EU_INSTRUMENTS: readonly EuInstrument[] = [
  directive('family-reunification', 2003, 86, '2003-09-22', 'council', 'family', 'in-force', {
    en: 'Council Directive 2003/86/EC of 22 September 2003 on the right to family reunification',
    fr: 'Directive 2003/86/CE du Conseil du 22 septembre 2003 relative au droit au regroupement familial',
    de: 'Richtlinie 2003/86/EG des Rates vom 22. September 2003 betreffend das Recht auf Familienzusammenführung',
  }),
  directive('long-term-residents', 2003, 109, '2003-11-25', 'council', 'residence', 'amended', {
    en: 'Council Directive 2003/109/EC of 25 November 2003 concerning the status of third-country nationals who are long-term residents',
    fr: 'Directive 2003/109/CE du Conseil du 25 novembre 2003 relative au statut des ressortissants de pays tiers résidents de longue durée',
    de: 'Richtlinie 2003/109/EG des Rates vom 25. November 2003 betreffend die Rechtsstellung der langfristig aufenthaltsberechtigten Drittstaatsangehörigen',
  }, [
    {
      inForceFrom: '2011-05-20',
      by: 'Directive 2011/51/EU',
      note: {
        en: 'Scope extended to beneficiaries of international protection by Directive 2011/51/EU.',
        fr: 'Champ d’application étendu aux bénéficiaires d’une protection internationale par la directive 2011/51/UE.',
        de: 'Anwendungsbereich durch die Richtlinie 2011/51/EU auf Personen erweitert, die internationalen Schutz genießen.',
      },
    },
    {
      inForceFrom: '2026-07-01',
      by: 'Regulation (EU) 2024/1347',
      note: {
        en: 'Provisions on beneficiaries of international protection amended by Regulation (EU) 2024/1347.',
        fr: 'Dispositions relatives aux bénéficiaires d’une protection internationale modifiées par le règlement (UE) 2024/1347.',
        de: 'Bestimmungen über Personen mit internationalem Schutz durch die Verordnung (EU) 2024/1347 geändert.',
      },
    },
  ]),
  directive('long-term-residents-amendment', 2011, 51, '2011-05-11', 'parliament-council', 'residence', 'in-force', {
    en: 'Directive 2011/51/EU of the European Parliament and of the Council of 11 May 2011 amending Council Directive 2003/109/EC to extend its scope to beneficiaries of international protection',
    fr: 'Directive 2011/51/UE du Parlement européen et du Conseil du 11 mai 2011 modifiant la directive 2003/109/CE du Conseil afin d’étendre son champ d’application aux bénéficiaires d’une protection internationale',
    de: 'Richtlinie 2011/51/EU des Europäischen Parlaments und des Rates vom 11. Mai 2011 zur Änderung der Richtlinie 2003/109/EG des Rates zur Erweiterung ihres Anwendungsbereichs auf Personen, die internationalen Schutz genießen',
  }),
  directive('blue-card-2009', 2009, 50, '2009-05-25', 'council', 'labour', 'repealed', {
    en: 'Council Directive 2009/50/EC of 25 May 2009 on the conditions of entry and residence of third-country nationals for the purposes of highly qualified employment',
    fr: 'Directive 2009/50/CE du Conseil du 25 mai 2009 établissant les conditions d’entrée et de séjour des ressortissants de pays tiers aux fins d’un emploi hautement qualifié',
    de: 'Richtlinie 2009/50/EG des Rates vom 25. Mai 2009 über die Bedingungen für die Einreise und den Aufenthalt von Drittstaatsangehörigen zur Ausübung einer hochqualifizierten Beschäftigung',
  }),
  directive('blue-card', 2021, 1883, '2021-10-20', 'parliament-council', 'labour', 'in-force', {
    en: 'Directive (EU) 2021/1883 of the European Parliament and of the Council of 20 October 2021 on the conditions of entry and residence of third-country nationals for the purpose of highly qualified employment, and repealing Council Directive 2009/50/EC',
    fr: 'Directive (UE) 2021/1883 du Parlement européen et du Conseil du 20 octobre 2021 établissant les conditions d’entrée et de séjour des ressortissants de pays tiers aux fins d’un emploi hautement qualifié et abrogeant la directive 2009/50/CE du Conseil',
    de: 'Richtlinie (EU) 2021/1883 des Europäischen Parlaments und des Rates vom 20. Oktober 2021 über die Bedingungen für die Einreise und den Aufenthalt von Drittstaatsangehörigen zur Ausübung einer hoch qualifizierten Beschäftigung und zur Aufhebung der Richtlinie 2009/50/EG des Rates',
  }),
  directive('single-permit-2011', 2011, 98, '2011-12-13', 'parliament-council', 'residence', 'repealed', {
    en: 'Directive 2011/98/EU of the European Parliament and of the Council of 13 December 2011 on a single application procedure for a single permit for third-country nationals to reside and work in the territory of a Member State and on a common set of rights for third-country workers legally residing in a Member State',
    fr: 'Directive 2011/98/UE du Parlement européen et du Conseil du 13 décembre 2011 établissant une procédure de demande unique en vue de la délivrance d’un permis unique autorisant les ressortissants de pays tiers à résider et à travailler sur le territoire d’un État membre et établissant un socle commun de droits pour les travailleurs issus de pays tiers qui résident légalement dans un État membre',
    de: 'Richtlinie 2011/98/EU des Europäischen Parlaments und des Rates vom 13. Dezember 2011 über ein einheitliches Verfahren zur Beantragung einer kombinierten Erlaubnis für Drittstaatsangehörige, sich im Hoheitsgebiet eines Mitgliedstaats aufzuhalten und zu arbeiten, sowie über ein gemeinsames Bündel von Rechten für Arbeitnehmer aus Drittstaaten, die sich rechtmäßig in einem Mitgliedstaat aufhalten',
  }),
  directive('single-permit', 2024, 1233, '2024-04-24', 'parliament-council', 'residence', 'in-force', {
    en: 'Directive (EU) 2024/1233 of the European Parliament and of the Council of 24 April 2024 on a single application procedure for a single permit for third-country nationals to reside and work in the territory of a Member State and on a common set of rights for third-country workers legally residing in a Member State (recast)',
    fr: 'Directive (UE) 2024/1233 du Parlement européen et du Conseil du 24 avril 2024 établissant une procédure de demande unique en vue de la délivrance d’un permis unique autorisant les ressortissants de pays tiers à résider et à travailler sur le territoire d’un État membre et établissant un socle commun de droits pour les travailleurs issus de pays tiers qui résident légalement dans un État membre (refonte)',
    de: 'Richtlinie (EU) 2024/1233 des Europäischen Parlaments und des Rates vom 24. April 2024 über ein einheitliches Verfahren zur Beantragung einer kombinierten Erlaubnis für Drittstaatsangehörige, sich im Hoheitsgebiet eines Mitgliedstaats aufzuhalten und zu arbeiten, sowie über ein gemeinsames Bündel von Rechten für Arbeitnehmer aus Drittstaaten, die sich rechtmäßig in einem Mitgliedstaat aufhalten (Neufassung)',
  }),
  directive('reception-2013', 2013, 33, '2013-06-26', 'parliament-council', 'reception', 'repealed', {
    en: 'Directive 2013/33/EU of the European Parliament and of the Council of 26 June 2013 laying down standards for the reception of applicants for international protection (recast)',
    fr: 'Directive 2013/33/UE du Parlement européen et du Conseil du 26 juin 2013 établissant des normes pour l’accueil des personnes demandant la protection internationale (refonte)',
    de: 'Richtlinie 2013/33/EU des Europäischen Parlaments und des Rates vom 26. Juni 2013 zur Festlegung von Normen für die Aufnahme von Personen, die internationalen Schutz beantragen (Neufassung)',
  }),
  directive('reception', 2024, 1346, '2024-05-14', 'parliament-council', 'reception', 'in-force', {
    en: 'Directive (EU) 2024/1346 of the European Parliament and of the Council of 14 May 2024 laying down standards for the reception of applicants for international protection (recast)',
    fr: 'Directive (UE) 2024/1346 du Parlement européen et du Conseil du 14 mai 2024 établissant des normes pour l’accueil des personnes demandant la protection internationale (refonte)',
    de: 'Richtlinie (EU) 2024/1346 des Europäischen Parlaments und des Rates vom 14. Mai 2024 zur Festlegung von Normen für die Aufnahme von Personen, die internationalen Schutz beantragen (Neufassung)',
  }),
  directive('qualification-2011', 2011, 95, '2011-12-13', 'parliament-council', 'reception', 'repealed', {
    en: 'Directive 2011/95/EU of the European Parliament and of the Council of 13 December 2011 on standards for the qualification of third-country nationals or stateless persons as beneficiaries of international protection, for a uniform status for refugees or for persons eligible for subsidiary protection, and for the content of the protection granted (recast)',
    fr: 'Directive 2011/95/UE du Parlement européen et du Conseil du 13 décembre 2011 concernant les normes relatives aux conditions que doivent remplir les ressortissants des pays tiers ou les apatrides pour pouvoir bénéficier d’une protection internationale, à un statut uniforme pour les réfugiés ou les personnes pouvant bénéficier de la protection subsidiaire, et au contenu de cette protection (refonte)',
    de: 'Richtlinie 2011/95/EU des Europäischen Parlaments und des Rates vom 13. Dezember 2011 über Normen für die Anerkennung von Drittstaatsangehörigen oder Staatenlosen als Personen mit Anspruch auf internationalen Schutz, für einen einheitlichen Status für Flüchtlinge oder für Personen mit Anrecht auf subsidiären Schutz und für den Inhalt des zu gewährenden Schutzes (Neufassung)',
  }),
  regulation('qualification', 2024, 1347, '2024-05-14', 'reception', 'in-force', {
    en: 'Regulation (EU) 2024/1347 of the European Parliament and of the Council of 14 May 2024 on standards for the qualification of third-country nationals or stateless persons as beneficiaries of international protection, for a uniform status for refugees or for persons eligible for subsidiary protection and for the content of the protection granted, amending Council Directive 2003/109/EC and repealing Directive 2011/95/EU of the European Parliament and of the Council',
    fr: 'Règlement (UE) 2024/1347 du Parlement européen et du Conseil du 14 mai 2024 concernant les normes relatives aux conditions que doivent remplir les ressortissants des pays tiers ou les apatrides pour pouvoir bénéficier d’une protection internationale, à un statut uniforme pour les réfugiés ou les personnes pouvant bénéficier de la protection subsidiaire, et au contenu de cette protection, modifiant la directive 2003/109/CE du Conseil et abrogeant la directive 2011/95/UE',
    de: 'Verordnung (EU) 2024/1347 des Europäischen Parlaments und des Rates vom 14. Mai 2024 über Normen für die Anerkennung von Drittstaatsangehörigen oder Staatenlosen als Personen mit Anspruch auf internationalen Schutz, für einen einheitlichen Status für Flüchtlinge oder für Personen mit Anspruch auf subsidiären Schutz und für den Inhalt des gewährten Schutzes, zur Änderung der Richtlinie 2003/109/EG des Rates und zur Aufhebung der Richtlinie 2011/95/EU',
  }),
  regulation('dublin', 2013, 604, '2013-06-26', 'reception', 'repealed', {
    en: 'Regulation (EU) No 604/2013 of the European Parliament and of the Council of 26 June 2013 establishing the criteria and mechanisms for determining the Member State responsible for examining an application for international protection lodged in one of the Member States by a third-country national or a stateless person (recast)',
    fr: 'Règlement (UE) n° 604/2013 du Parlement européen et du Conseil du 26 juin 2013 établissant les critères et mécanismes de détermination de l’État membre responsable de l’examen d’une demande de protection internationale introduite dans l’un des États membres par un ressortissant de pays tiers ou un apatride (refonte)',
    de: 'Verordnung (EU) Nr. 604/2013 des Europäischen Parlaments und des Rates vom 26. Juni 2013 zur Festlegung der Kriterien und Verfahren zur Bestimmung des Mitgliedstaats, der für die Prüfung eines von einem Drittstaatsangehörigen oder Staatenlosen in einem Mitgliedstaat gestellten Antrags auf internationalen Schutz zuständig ist (Neufassung)',
  }),
  regulation('asylum-migration-management', 2024, 1351, '2024-05-14', 'reception', 'in-force', {
    en: 'Regulation (EU) 2024/1351 of the European Parliament and of the Council of 14 May 2024 on asylum and migration management, amending Regulations (EU) 2021/1147 and (EU) 2021/1060 and repealing Regulation (EU) No 604/2013',
    fr: 'Règlement (UE) 2024/1351 du Parlement européen et du Conseil du 14 mai 2024 relatif à la gestion de l’asile et de la migration, modifiant les règlements (UE) 2021/1147 et (UE) 2021/1060 et abrogeant le règlement (UE) n° 604/2013',
    de: 'Verordnung (EU) 2024/1351 des Europäischen Parlaments und des Rates vom 14. Mai 2024 über Asyl- und Migrationsmanagement, zur Änderung der Verordnungen (EU) 2021/1147 und (EU) 2021/1060 und zur Aufhebung der Verordnung (EU) Nr. 604/2013',
  }),
  directive('racial-equality', 2000, 43, '2000-06-29', 'council', 'discrimination', 'in-force', {
    en: 'Council Directive 2000/43/EC of 29 June 2000 implementing the principle of equal treatment between persons irrespective of racial or ethnic origin',
    fr: 'Directive 2000/43/CE du Conseil du 29 juin 2000 relative à la mise en œuvre du principe de l’égalité de traitement entre les personnes sans distinction de race ou d’origine ethnique',
    de: 'Richtlinie 2000/43/EG des Rates vom 29. Juni 2000 zur Anwendung des Gleichbehandlungsgrundsatzes ohne Unterschied der Rasse oder der ethnischen Herkunft',
  }),
  directive('employment-equality', 2000, 78, '2000-11-27', 'council', 'discrimination', 'in-force', {
    en: 'Council Directive 2000/78/EC of 27 November 2000 establishing a general framework for equal treatment in employment and occupation',
    fr: 'Directive 2000/78/CE du Conseil du 27 novembre 2000 portant création d’un cadre général en faveur de l’égalité de traitement en matière d’emploi et de travail',
    de: 'Richtlinie 2000/78/EG des Rates vom 27. November 2000 zur Festlegung eines allgemeinen Rahmens für die Verwirklichung der Gleichbehandlung in Beschäftigung und Beruf',
  }),
  directive('temporary-protection', 2001, 55, '2001-07-20', 'council', 'reception', 'in-force', {
    en: 'Council Directive 2001/55/EC of 20 July 2001 on minimum standards for giving temporary protection in the event of a mass influx of displaced persons and on measures promoting a balance of efforts between Member States in receiving such persons and bearing the consequences thereof',
    fr: 'Directive 2001/55/CE du Conseil du 20 juillet 2001 relative à des normes minimales pour l’octroi d’une protection temporaire en cas d’afflux massif de personnes déplacées et à des mesures tendant à assurer un équilibre entre les efforts consentis par les États membres pour accueillir ces personnes et supporter les conséquences de cet accueil',
    de: 'Richtlinie 2001/55/EG des Rates vom 20. Juli 2001 über Mindestnormen für die Gewährung vorübergehenden Schutzes im Falle eines Massenzustroms von Vertriebenen und Maßnahmen zur Förderung einer ausgewogenen Verteilung der Belastungen, die mit der Aufnahme dieser Personen und den Folgen dieser Aufnahme verbunden sind, auf die Mitgliedstaaten',
  }),
  {
    key: 'temporary-protection-ukraine', kind: 'implementing-decision', year: 2022, number: 382, adopted: '2022-03-04', author: 'council',
    celex: celex(3, 2022, 'D', 382), eli: eli('dec_impl', 2022, 382), topic: 'reception', status: 'in-force',
    titles: {
      en: 'Council Implementing Decision (EU) 2022/382 of 4 March 2022 establishing the existence of a mass influx of displaced persons from Ukraine within the meaning of Article 5 of Directive 2001/55/EC, and having the effect of introducing temporary protection',
      fr: 'Décision d’exécution (UE) 2022/382 du Conseil du 4 mars 2022 constatant l’existence d’un afflux massif de personnes déplacées en provenance d’Ukraine, au sens de l’article 5 de la directive 2001/55/CE, et ayant pour effet d’introduire une protection temporaire',
      de: 'Durchführungsbeschluss (EU) 2022/382 des Rates vom 4. März 2022 zur Feststellung des Bestehens eines Massenzustroms von Vertriebenen aus der Ukraine im Sinne des Artikels 5 der Richtlinie 2001/55/EG und zur Einführung eines vorübergehenden Schutzes',
    },
  },
  directive('students-researchers', 2016, 801, '2016-05-11', 'parliament-council', 'education', 'in-force', {
    en: 'Directive (EU) 2016/801 of the European Parliament and of the Council of 11 May 2016 on the conditions of entry and residence of third-country nationals for the purposes of research, studies, training, voluntary service, pupil exchange schemes or educational projects and au pairing (recast)',
    fr: 'Directive (UE) 2016/801 du Parlement européen et du Conseil du 11 mai 2016 relative aux conditions d’entrée et de séjour des ressortissants de pays tiers à des fins de recherche, d’études, de formation, de volontariat et de programmes d’échange d’élèves ou de projets éducatifs, et de travail au pair (refonte)',
    de: 'Richtlinie (EU) 2016/801 des Europäischen Parlaments und des Rates vom 11. Mai 2016 über die Bedingungen für die Einreise und den Aufenthalt von Drittstaatsangehörigen zu Forschungs- oder Studienzwecken, zu Praktika, zur Teilnahme an einem Freiwilligendienst, Schüleraustauschprogrammen oder Bildungsvorhaben und zur Ausübung einer Au-pair-Tätigkeit (Neufassung)',
  }),
  directive('seasonal-workers', 2014, 36, '2014-02-26', 'parliament-council', 'labour', 'in-force', {
    en: 'Directive 2014/36/EU of the European Parliament and of the Council of 26 February 2014 on the conditions of entry and stay of third-country nationals for the purpose of employment as seasonal workers',
    fr: 'Directive 2014/36/UE du Parlement européen et du Conseil du 26 février 2014 établissant les conditions d’entrée et de séjour des ressortissants de pays tiers aux fins d’un emploi en tant que travailleur saisonnier',
    de: 'Richtlinie 2014/36/EU des Europäischen Parlaments und des Rates vom 26. Februar 2014 über die Bedingungen für die Einreise und den Aufenthalt von Drittstaatsangehörigen zwecks Beschäftigung als Saisonarbeitnehmer',
  }),
  directive('intra-corporate-transfer', 2014, 66, '2014-05-15', 'parliament-council', 'labour', 'in-force', {
    en: 'Directive 2014/66/EU of the European Parliament and of the Council of 15 May 2014 on the conditions of entry and residence of third-country nationals in the framework of an intra-corporate transfer',
    fr: 'Directive 2014/66/UE du Parlement européen et du Conseil du 15 mai 2014 établissant les conditions d’entrée et de séjour des ressortissants de pays tiers dans le cadre d’un transfert temporaire intragroupe',
    de: 'Richtlinie 2014/66/EU des Europäischen Parlaments und des Rates vom 15. Mai 2014 über die Bedingungen für die Einreise und den Aufenthalt von Drittstaatsangehörigen im Rahmen eines unternehmensinternen Transfers',
  }),
  directive('professional-qualifications', 2005, 36, '2005-09-07', 'parliament-council', 'recognition', 'amended', {
    en: 'Directive 2005/36/EC of the European Parliament and of the Council of 7 September 2005 on the recognition of professional qualifications',
    fr: 'Directive 2005/36/CE du Parlement européen et du Conseil du 7 septembre 2005 relative à la reconnaissance des qualifications professionnelles',
    de: 'Richtlinie 2005/36/EG des Europäischen Parlaments und des Rates vom 7. September 2005 über die Anerkennung von Berufsqualifikationen',
  }, [
    {
      inForceFrom: '2014-01-17',
      by: 'Directive 2013/55/EU',
      note: {
        en: 'European professional card, partial access and alert mechanism introduced by Directive 2013/55/EU.',
        fr: 'Carte professionnelle européenne, accès partiel et mécanisme d’alerte introduits par la directive 2013/55/UE.',
        de: 'Europäischer Berufsausweis, partieller Zugang und Vorwarnmechanismus durch die Richtlinie 2013/55/EU eingeführt.',
      },
    },
  ]),
  {
    key: 'recognition-recommendation', kind: 'recommendation', year: 2023, number: 2611, adopted: '2023-11-15', author: 'commission',
    celex: `32023H2611`, eli: eli('reco', 2023, 2611), topic: 'recognition', status: 'in-force',
    titles: {
      en: 'Commission Recommendation (EU) 2023/2611 of 15 November 2023 on the recognition of qualifications of third-country nationals',
      fr: 'Recommandation (UE) 2023/2611 de la Commission du 15 novembre 2023 relative à la reconnaissance des qualifications des ressortissants de pays tiers',
      de: 'Empfehlung (EU) 2023/2611 der Kommission vom 15. November 2023 zur Anerkennung der Qualifikationen von Drittstaatsangehörigen',
    },
  },
  regulation('amif', 2021, 1147, '2021-07-07', 'civic', 'amended', {
    en: 'Regulation (EU) 2021/1147 of the European Parliament and of the Council of 7 July 2021 establishing the Asylum, Migration and Integration Fund',
    fr: 'Règlement (UE) 2021/1147 du Parlement européen et du Conseil du 7 juillet 2021 établissant le Fonds «Asile, migration et intégration»',
    de: 'Verordnung (EU) 2021/1147 des Europäischen Parlaments und des Rates vom 7. Juli 2021 zur Einrichtung des Asyl-, Migrations- und Integrationsfonds',
  }, [
    {
      inForceFrom: '2024-06-11',
      by: 'Regulation (EU) 2024/1351',
      note: {
        en: 'Solidarity contributions under the asylum and migration management framework added by Regulation (EU) 2024/1351.',
        fr: 'Contributions de solidarité au titre du cadre de gestion de l’asile et de la migration ajoutées par le règlement (UE) 2024/1351.',
        de: 'Solidaritätsbeiträge im Rahmen des Asyl- und Migrationsmanagements durch die Verordnung (EU) 2024/1351 hinzugefügt.',
      },
    },
  ]),
  regulation('esf-plus', 2021, 1057, '2021-06-24', 'labour', 'in-force', {
    en: 'Regulation (EU) 2021/1057 of the European Parliament and of the Council of 24 June 2021 establishing the European Social Fund Plus (ESF+) and repealing Regulation (EU) No 1296/2013',
    fr: 'Règlement (UE) 2021/1057 du Parlement européen et du Conseil du 24 juin 2021 instituant le Fonds social européen plus (FSE+) et abrogeant le règlement (UE) n° 1296/2013',
    de: 'Verordnung (EU) 2021/1057 des Europäischen Parlaments und des Rates vom 24. Juni 2021 zur Einrichtung des Europäischen Sozialfonds Plus (ESF+) und zur Aufhebung der Verordnung (EU) Nr. 1296/2013',
  }),
  communication('long-term-residents-recast', 2022, 650, '2022-04-27', 'residence', 'proposal-directive', {
    en: 'Proposal for a Directive of the European Parliament and of the Council concerning the status of third-country nationals who are long-term residents (recast)',
    fr: 'Proposition de directive du Parlement européen et du Conseil relative au statut des ressortissants de pays tiers résidents de longue durée (refonte)',
    de: 'Vorschlag für eine Richtlinie des Europäischen Parlaments und des Rates betreffend die Rechtsstellung der langfristig aufenthaltsberechtigten Drittstaatsangehörigen (Neufassung)',
  }),
  communication('talent-pool', 2023, 716, '2023-11-15', 'labour', 'proposal-regulation', {
    en: 'Proposal for a Regulation of the European Parliament and of the Council establishing an EU Talent Pool',
    fr: 'Proposition de règlement du Parlement européen et du Conseil établissant une réserve de talents de l’UE',
    de: 'Vorschlag für eine Verordnung des Europäischen Parlaments und des Rates zur Einrichtung eines EU-Talentpools',
  }),
  communication('action-plan-2021', 2020, 758, '2020-11-24', 'civic', 'communication', {
    en: 'Action plan on Integration and Inclusion 2021–2027',
    fr: 'Plan d’action en faveur de l’intégration et de l’inclusion pour la période 2021-2027',
    de: 'Aktionsplan für Integration und Inklusion 2021–2027',
  }),
  communication('action-plan-2016', 2016, 377, '2016-06-07', 'civic', 'communication', {
    en: 'Action Plan on the integration of third country nationals',
    fr: 'Plan d’action pour l’intégration des ressortissants de pays tiers',
    de: 'Aktionsplan für die Integration von Drittstaatsangehörigen',
  }),
  communication('pact', 2020, 609, '2020-09-23', 'reception', 'communication', {
    en: 'New Pact on Migration and Asylum',
    fr: 'Nouveau pacte sur la migration et l’asile',
    de: 'Neues Migrations- und Asylpaket',
  }),
  communication('agenda-2011', 2011, 455, '2011-07-20', 'civic', 'communication', {
    en: 'European Agenda for the Integration of Third-Country Nationals',
    fr: 'Agenda européen pour l’intégration des ressortissants de pays tiers',
    de: 'Europäische Agenda für die Integration von Drittstaatsangehörigen',
  }),
  communication('skills-talent', 2022, 657, '2022-04-27', 'labour', 'communication', {
    en: 'Attracting skills and talent to the EU',
    fr: 'Attirer des compétences et des talents dans l’UE',
    de: 'Anwerbung von Kompetenzen und Talenten in die EU',
  }),
];

export const EU_BY_KEY: ReadonlyMap<string, EuInstrument> = new Map(EU_INSTRUMENTS.map((instrument) => [instrument.key, instrument]));
export const euInstrument = (key: string): EuInstrument => {
  const found = EU_BY_KEY.get(key);
  if (!found) throw new RangeError(`no EU instrument ${key}`);
  return found;
};

/** The legislation among them (not the Commission's communications), which the library carries as legislation documents. */
export const EU_LEGISLATION = EU_INSTRUMENTS.filter((instrument) => instrument.kind !== 'communication');
export const EU_COMMUNICATIONS = EU_INSTRUMENTS.filter((instrument) => instrument.kind === 'communication');

/** The instruments a text on a topic cites most naturally. */
export function instrumentsOn(topic: TopicKey): readonly EuInstrument[] {
  const own = EU_INSTRUMENTS.filter((instrument) => instrument.topic === topic && instrument.status !== 'repealed');
  return own.length ? own : EU_INSTRUMENTS.filter((instrument) => instrument.key === 'action-plan-2021');
}
