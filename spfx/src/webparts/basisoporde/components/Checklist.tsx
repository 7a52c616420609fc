import * as React from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Subtitle1,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import {
  DERIVATION_SOURCE_LABELS,
  THEMES,
  requirementById,
  type ChecklistClient,
  type ChecklistDto,
  type ChecklistItemDto
} from '@weerbaar/shared';
import { format } from '../../signaaldashboard/components/format';
import { LoadedView, StatusBadge, useLoad } from './common';
import { useParts } from './PartsContext';

// The editor (form, evidence, actions, history) loads only when someone opens a requirement.
const RequirementDialog = React.lazy(() => import(/* webpackChunkName: 'requirement-dialog' */ './RequirementDialog'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  theme: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  progress: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1, maxWidth: '24rem' },
  id: { width: '4rem' },
  status: { width: '13rem' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  action: { width: '9rem' },
  source: { display: 'block', color: tokens.colorNeutralForeground3 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }
});

export interface ChecklistProps {
  readonly client: ChecklistClient;
}

/** The working checklist: the five themes with their progress and the twenty requirements. */
export function Checklist(props: ChecklistProps): React.ReactElement {
  const styles = useStyles();
  const { strings } = useParts();
  const [loaded, reload] = useLoad(React.useCallback(() => props.client.read(), [props.client]));
  const [openId, setOpenId] = React.useState<string | undefined>(undefined);

  return (
    <section className={styles.root} aria-labelledby="basisoporde-heading">
      <Title2 as="h2" id="basisoporde-heading">
        {strings.ChecklistHeading}
      </Title2>
      <Text>{strings.ChecklistIntro}</Text>
      <LoadedView loaded={loaded} reload={reload}>
        {(checklist) => (
          <>
            {!checklist.canEdit && (
              <MessageBar intent="info">
                <MessageBarBody>{strings.ReadOnlyNote}</MessageBarBody>
              </MessageBar>
            )}
            {THEMES.map((theme) => (
              <ThemeSection key={theme.id} themeId={theme.id} checklist={checklist} onOpen={setOpenId} />
            ))}
            {openId && (
              <React.Suspense fallback={<Spinner label={strings.Loading} />}>
                <RequirementDialog
                  client={props.client}
                  item={checklist.items.find((item) => item.requirementId === openId)!}
                  canEdit={checklist.canEdit}
                  onClose={(changed) => {
                    setOpenId(undefined);
                    if (changed) reload();
                  }}
                />
              </React.Suspense>
            )}
          </>
        )}
      </LoadedView>
    </section>
  );
}

function ThemeSection(props: { themeId: number; checklist: ChecklistDto; onOpen: (id: string) => void }): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const theme = THEMES.find((t) => t.id === props.themeId)!;
  const progress = props.checklist.themes.find((t) => t.themeId === props.themeId)!;
  const items = props.checklist.items.filter((item) => item.themeId === props.themeId);
  const headingId = `basisoporde-theme-${theme.id}`;
  const progressText = format(strings.ThemeProgress, progress.voldaan, progress.total);
  return (
    <section className={styles.theme} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {`${theme.id}. ${theme.title[language]}`}
      </Subtitle1>
      <div className={styles.progress}>
        <ProgressBar
          className={styles.bar}
          value={progress.total === 0 ? 0 : progress.voldaan / progress.total}
          thickness="large"
          aria-label={format(strings.ThemeProgressLabel, theme.id)}
          aria-valuetext={progressText}
        />
        <Text>{progressText}</Text>
      </div>
      <Table size="small" aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.id}>{strings.ColumnRequirement}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnDescription}</TableHeaderCell>
            <TableHeaderCell className={styles.status}>{strings.ColumnStatus}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnOwner}</TableHeaderCell>
            <TableHeaderCell className={styles.action}>
              <span className={styles.hidden}>{strings.ColumnOpen}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <RequirementRow key={item.requirementId} item={item} canEdit={props.checklist.canEdit} onOpen={props.onOpen} />
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function RequirementRow(props: { item: ChecklistItemDto; canEdit: boolean; onOpen: (id: string) => void }): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const { item } = props;
  const requirement = requirementById(item.requirementId);
  return (
    <TableRow>
      <TableCell>{item.requirementId}</TableCell>
      <TableCell>
        {requirement.text[language]}
        {item.derived && (
          <Text size={200} className={styles.source}>
            {DERIVATION_SOURCE_LABELS[item.derived.source][language]}
          </Text>
        )}
      </TableCell>
      <TableCell>
        <span className={styles.badges} data-testid={`status-${item.requirementId}`}>
          <StatusBadge status={item.status} />
          {item.derived && !item.derivedOverride && (
            <Badge appearance="outline" color="brand">
              {strings.DerivedBadge}
            </Badge>
          )}
          {item.derivedOverride && (
            <Badge appearance="outline" color="important" title={item.overrideReason ?? undefined}>
              {strings.OverriddenBadge}
            </Badge>
          )}
        </span>
      </TableCell>
      <TableCell>{item.owner ?? ''}</TableCell>
      <TableCell>
        <Button size="small" onClick={() => props.onOpen(item.requirementId)}>
          {format(props.canEdit ? strings.EditRequirement : strings.OpenRequirement, item.requirementId)}
        </Button>
      </TableCell>
    </TableRow>
  );
}
