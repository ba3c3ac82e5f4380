// The public bodies of each member state that integration texts name, in
// English (the language of every country's English documents), and the
// EU-level bodies and funds.
export const EN_BODIES: Record<string, readonly string[]> = {
  AT: ['the Austrian Integration Fund (ÖIF)', 'the Federal Office for Immigration and Asylum (BFA)', 'the Public Employment Service Austria (AMS)'],
  BE: ['Fedasil', 'Unia', 'the Immigration Office'],
  BG: ['the State Agency for Refugees', 'the Migration Directorate'],
  CY: ['the Asylum Service', 'the Civil Registry and Migration Department'],
  CZ: ['the Ministry of the Interior', 'the Refugee Facilities Administration'],
  DE: ['the Federal Office for Migration and Refugees (BAMF)', 'the Federal Employment Agency', 'the local foreigners’ authority'],
  DK: ['the Danish Immigration Service', 'the Danish Agency for International Recruitment and Integration (SIRI)'],
  EE: ['the Police and Border Guard Board', 'the Integration Foundation'],
  ES: ['the Ministry of Inclusion, Social Security and Migration', 'the Office for Asylum and Refuge (OAR)'],
  FI: ['the Finnish Immigration Service (Migri)', 'the TE Office'],
  FR: ['the French Office for Immigration and Integration (OFII)', 'the Interministerial Delegation for the Reception and Integration of Refugees (DIAIR)', 'the Defender of Rights'],
  GR: ['the Ministry of Migration and Asylum', 'the Asylum Service'],
  HR: ['the Ministry of the Interior', 'the Government Office for Human Rights and Rights of National Minorities'],
  HU: ['the National Directorate-General for Aliens Policing'],
  IE: ['the Department of Justice', 'International Protection Accommodation Services (IPAS)', 'the Irish Human Rights and Equality Commission'],
  IT: ['the Ministry of the Interior', 'the Reception and Integration System (SAI)', 'the National Office against Racial Discrimination (UNAR)'],
  LT: ['the Migration Department'],
  LU: ['the National Reception Office (ONA)', 'the Department of Integration'],
  LV: ['the Office of Citizenship and Migration Affairs'],
  MT: ['the Agency for the Welfare of Asylum Seekers (AWAS)', 'the Human Rights Directorate'],
  NL: ['the Immigration and Naturalisation Service (IND)', 'the Central Agency for the Reception of Asylum Seekers (COA)', 'the Education Executive Agency (DUO)'],
  PL: ['the Office for Foreigners (UdSC)', 'the Commissioner for Human Rights', 'the district labour office'],
  PT: ['the Agency for Integration, Migration and Asylum (AIMA)', 'the Institute for Employment and Vocational Training (IEFP)'],
  RO: ['the General Inspectorate for Immigration'],
  SE: ['the Swedish Migration Agency', 'the Swedish Public Employment Service', 'the Equality Ombudsman'],
  SI: ['the Government Office for the Support and Integration of Migrants'],
  SK: ['the Migration Office', 'the Bureau of Border and Aliens Police'],
};

export const EN_EU_BODIES = [
  'the European Commission', 'the EU Agency for Fundamental Rights', 'Eurostat', 'the European Union Agency for Asylum (EUAA)', 'the European Migration Network',
  'the OECD', 'UNHCR', 'the International Organization for Migration (IOM)',
] as const;

export const FUNDS = ['the Asylum, Migration and Integration Fund (AMIF)', 'the European Social Fund Plus (ESF+)', 'the European Regional Development Fund', 'Erasmus+'] as const;
