import {
  createDarkTheme,
  createLightTheme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type BrandVariants,
  type Theme
} from '@fluentui/react-components';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';

/**
 * Fluent UI v9 theme for a web part hosted in a Teams tab or personal app. Teams reports its theme by
 * name ('default', 'dark', 'contrast'); unknown names fall back to the light theme Teams itself uses.
 */
export function fluentThemeForTeams(teamsThemeName: string | undefined): Theme {
  switch (teamsThemeName) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

/**
 * Fluent UI v9 theme for a web part on a SharePoint page. SPFx 1.23 can hand out a v9 theme directly
 * (ThemeProvider.tryGetThemeV2); when the page only has the classic (v8) theme, the v9 theme is derived
 * from its primary colour so buttons and links keep the site's brand, and from its body colours so the
 * web part blends into a coloured section.
 */
export function fluentThemeForSharePoint(
  fluentV9Theme: Theme | undefined,
  classicTheme: IReadonlyTheme | undefined
): Theme {
  if (fluentV9Theme) {
    return fluentV9Theme;
  }
  const isDark: boolean = classicTheme?.isInverted === true;
  const primary: string | undefined = classicTheme?.palette?.themePrimary;
  const brand: BrandVariants | undefined = primary === undefined ? undefined : brandRampFrom(primary);
  const base: Theme = brand
    ? isDark
      ? createDarkTheme(brand)
      : createLightTheme(brand)
    : isDark
      ? webDarkTheme
      : webLightTheme;

  const semantic = classicTheme?.semanticColors;
  return {
    ...base,
    ...(semantic?.bodyBackground ? { colorNeutralBackground1: semantic.bodyBackground } : {}),
    ...(semantic?.bodyText ? { colorNeutralForeground1: semantic.bodyText } : {})
  };
}

interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/**
 * Builds the 16-step brand ramp Fluent v9 needs from one colour. Step 80 is the colour itself (Fluent uses
 * it for primary buttons in light themes); lower steps darken towards black and higher steps lighten
 * towards white. The classic palette's own shades are not used because dark SharePoint themes invert them.
 * Returns undefined for anything that is not a #rrggbb or #rgb colour.
 */
export function brandRampFrom(primaryColour: string): BrandVariants | undefined {
  const rgb: Rgb | undefined = parseHexColour(primaryColour);
  if (!rgb) {
    return undefined;
  }
  const shade = (step: number): string =>
    step <= 80
      ? toHex(mix(rgb, BLACK, ((80 - step) / 70) * 0.8))
      : toHex(mix(rgb, WHITE, ((step - 80) / 80) * 0.92));
  return {
    10: shade(10),
    20: shade(20),
    30: shade(30),
    40: shade(40),
    50: shade(50),
    60: shade(60),
    70: shade(70),
    80: shade(80),
    90: shade(90),
    100: shade(100),
    110: shade(110),
    120: shade(120),
    130: shade(130),
    140: shade(140),
    150: shade(150),
    160: shade(160)
  };
}

function parseHexColour(colour: string): Rgb | undefined {
  const match: RegExpExecArray | null = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  const digits: string | undefined = match?.[1];
  if (digits === undefined) {
    return undefined;
  }
  const full: string =
    digits.length === 3
      ? digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2) + digits.charAt(2)
      : digits;
  return {
    r: parseInt(full.substring(0, 2), 16),
    g: parseInt(full.substring(2, 4), 16),
    b: parseInt(full.substring(4, 6), 16)
  };
}

/** Linear mix: weight 0 keeps `from`, weight 1 gives `to`. */
function mix(from: Rgb, to: Rgb, weight: number): Rgb {
  const channel = (a: number, b: number): number => Math.round(a + (b - a) * weight);
  return { r: channel(from.r, to.r), g: channel(from.g, to.g), b: channel(from.b, to.b) };
}

function toHex({ r, g, b }: Rgb): string {
  const byte = (value: number): string => (value < 16 ? '0' : '') + value.toString(16);
  return '#' + byte(r) + byte(g) + byte(b);
}
