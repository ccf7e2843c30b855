import "i18next";
import type { Resources } from "./config";

// A typed `t`: a key missing from the English files, or a namespace not declared, fails `tsc`.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: Resources;
  }
}
