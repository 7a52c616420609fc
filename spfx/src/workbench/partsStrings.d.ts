/** The basis-op-orde web parts' loc files (AMD modules in SPFx), both languages, for the workbench bundle. */
declare module 'workbench:basisoporde-strings' {
  const strings: { nl: IBasisOpOrdeStrings; en: IBasisOpOrdeStrings };
  export default strings;
}
