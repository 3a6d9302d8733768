import type { ArticleEditorSeams } from '../article/article-editor-screen.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { WorkflowActions } from './workflow-actions.tsx';

/** The settings panel and the workflow actions, as the article editor screen's seams. */
export const panelSeams: Pick<ArticleEditorSeams, 'renderSettings' | 'renderActions'> = {
  renderSettings: (article, edit) => <SettingsPanel article={article} edit={edit} />,
  renderActions: (context) => <WorkflowActions {...context} />,
};
