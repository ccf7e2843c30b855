// The controlled list of themes (Theme table). The seed writes these; the secretariat picks from them.
export const THEMES: { slug: string; name: string }[] = [
  { slug: "data-sharing", name: "Data sharing" },
  { slug: "interoperability", name: "Interoperability" },
  { slug: "biometrics", name: "Biometrics" },
  { slug: "travel-documents", name: "Travel documents" },
  { slug: "visa-schengen", name: "Visa and Schengen systems" },
  { slug: "joint-operations", name: "Joint operations" },
  { slug: "migrant-smuggling", name: "Migrant smuggling" },
  { slug: "return-readmission", name: "Return and readmission" },
  { slug: "victim-protection", name: "Victim protection" },
  { slug: "root-causes", name: "Root causes" },
  { slug: "capacity-building", name: "Capacity building" },
  { slug: "border-management", name: "Border management" },
  { slug: "maritime-safety", name: "Maritime safety" },
];
