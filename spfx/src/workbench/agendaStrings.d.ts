/** The Afdelingsagenda web part's loc files (AMD modules in SPFx), both languages, for the workbench bundle. */
declare module 'workbench:afdelingsagenda-strings' {
  const strings: { nl: IAfdelingsagendaWebPartStrings; en: IAfdelingsagendaWebPartStrings };
  export default strings;
}
