/** The Bewustwording web part's loc files (AMD modules in SPFx), both languages, for the workbench bundle. */
declare module 'workbench:bewustwording-strings' {
  const strings: { nl: IBewustwordingWebPartStrings; en: IBewustwordingWebPartStrings };
  export default strings;
}
