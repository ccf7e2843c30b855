import { db } from "~/utils/db.server";

// French versions of demo content (docs/decisions/080-content-translations.md): the Brussels meeting with
// every agenda item, the spring 2027 Calais Group session, the themes and two recommendations. The
// originals (English) stay as they are: the tests read them.

const BRUSSELS = {
  slug: "combating-irregular-migration-eu-2026",
  title: "Lutte contre la migration irrégulière dans l'UE",
  description:
    "Réunion d'experts d'une journée réunissant l'OIM, les agences et institutions de l'UE ainsi que les services de police et de garde-frontières des États membres sur la migration irrégulière et le trafic de migrants : systèmes d'information Schengen et visas, biométrie, sécurité des documents de voyage et partage de données.",
};

/** French titles (and descriptions) of agenda items, by English title. */
const AGENDA_FR: Record<string, { title: string; description?: string }> = {
  "Registration and welcome coffee": { title: "Accueil des participants et café de bienvenue" },
  "Opening: the state of irregular migration to the EU": { title: "Ouverture : état des lieux de la migration irrégulière vers l'UE" },
  "Session 1: Schengen and visa information systems": {
    title: "Session 1 : systèmes d'information Schengen et visas",
    description: "SIS, VIS, le système d'entrée/de sortie et ETIAS : ce que voient les garde-frontières, et ce qu'ils ne voient pas.",
  },
  "Interoperability of EU systems: state of play": { title: "Interopérabilité des systèmes de l'UE : état des lieux" },
  "Questions and discussion": { title: "Questions et débat" },
  "Coffee break": { title: "Pause café" },
  "Session 2: Biometrics at the external borders": { title: "Session 2 : la biométrie aux frontières extérieures" },
  Lunch: { title: "Déjeuner" },
  "Session 3: Travel document security and document fraud": { title: "Session 3 : sécurité des documents de voyage et fraude documentaire" },
  "Session 4: Data sharing against migrant smuggling networks": { title: "Session 4 : le partage de données contre les réseaux de trafic de migrants" },
  "Conclusions and recommendations": { title: "Conclusions et recommandations" },
  "Opening and adoption of the agenda": { title: "Ouverture et adoption de l'ordre du jour" },
  "Situation at the Channel: small boat crossings": { title: "Situation dans la Manche : traversées en petites embarcations" },
  "Review of open recommendations": { title: "Examen des recommandations en cours" },
  "Any other business and next session": { title: "Questions diverses et prochaine session" },
};

const CALAIS = { slug: "calais-group-2027-spring", title: "Groupe de Calais, session de printemps 2027", description: "Session ordinaire du Groupe de Calais." };

const THEMES_FR: Record<string, string> = {
  "data-sharing": "Partage de données",
  interoperability: "Interopérabilité",
  biometrics: "Biométrie",
  "travel-documents": "Documents de voyage",
  "visa-schengen": "Visas et systèmes Schengen",
  "joint-operations": "Opérations conjointes",
  "migrant-smuggling": "Trafic de migrants",
  "return-readmission": "Retour et réadmission",
  "victim-protection": "Protection des victimes",
  "root-causes": "Causes profondes",
  "capacity-building": "Renforcement des capacités",
  "border-management": "Gestion des frontières",
  "maritime-safety": "Sécurité maritime",
};

const RECOMMENDATIONS_FR: Record<string, { title: string; text: string }> = {
  "BRU-2026-01": {
    title: "Harmoniser les systèmes de données des États membres afin de permettre le partage des données",
    text: "Les États membres devraient aligner les modèles de données et les interfaces de leurs systèmes nationaux de gestion des frontières et des migrations sur le cadre d'interopérabilité de l'UE, afin que les données relatives aux franchissements irréguliers et à la fraude documentaire puissent être partagées avec les agences et entre eux.",
  },
  "BRU-2026-02": {
    title: "Renforcer la sécurité des documents de voyage",
    text: "Frontex, avec les experts nationaux en documents, devrait étendre l'échange de spécimens et d'alertes sur les faux documents à tous les points de passage frontaliers et former les agents de première ligne aux nouveaux éléments de sécurité.",
  },
};

async function translateMeeting(m: { slug: string; title: string; description: string }): Promise<number> {
  const meeting = await db.meeting.findUnique({ where: { slug: m.slug }, select: { id: true } });
  if (!meeting) return 0;
  await db.meetingTranslation.create({ data: { meetingId: meeting.id, language: "fr", title: m.title, description: m.description } });
  const items = await db.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { id: true, title: true } });
  let n = 1;
  for (const item of items) {
    const fr = AGENDA_FR[item.title];
    if (!fr) continue;
    await db.agendaItemTranslation.create({ data: { agendaItemId: item.id, language: "fr", title: fr.title, description: fr.description ?? "" } });
    n++;
  }
  return n;
}

export async function seedTranslations() {
  let rows = (await translateMeeting(BRUSSELS)) + (await translateMeeting(CALAIS));
  for (const theme of await db.theme.findMany({ select: { id: true, slug: true } })) {
    const name = THEMES_FR[theme.slug];
    if (!name) continue;
    await db.themeTranslation.create({ data: { themeId: theme.id, language: "fr", name } });
    rows++;
  }
  for (const [code, fr] of Object.entries(RECOMMENDATIONS_FR)) {
    const rec = await db.recommendation.findUnique({ where: { code }, select: { id: true } });
    if (!rec) continue;
    await db.recommendationTranslation.create({ data: { recommendationId: rec.id, language: "fr", ...fr } });
    rows++;
  }
  return { rows };
}
