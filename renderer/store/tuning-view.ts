/** The app's views, one tab each (`ViewTabs`). */
export type AppView = 'dashboard' | 'editor' | 'history' | 'compare' | 'recommend';

export interface ViewSlice {
  view: AppView;
  setView(view: AppView): void;
}
