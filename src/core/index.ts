/** The public face of the core: pure, host-free, the same in Node, browser and Excel. */
export * from "./codes";
export * from "./dates";
export * from "./engine";
export * from "./fields";
export * from "./finding";
export * from "./header";
export * from "./idnumber";
export * from "./ledger";
export * from "./ledgers";
export * from "./own-sheets";
export * from "./profile";
export * from "./table";
export * from "./text";
export * from "./report";
