/**
 * The dashboard's loc files (AMD modules in SPFx) for the workbench bundle: the esbuild build resolves
 * this module to both languages, read from ../webparts/signaaldashboard/loc, so the workbench shows the
 * very strings SharePoint shows.
 */
declare module 'workbench:dashboard-strings' {
  const strings: { nl: ISignaaldashboardWebPartStrings; en: ISignaaldashboardWebPartStrings };
  export default strings;
}
